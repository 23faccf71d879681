import { BadRequestException } from '@nestjs/common';
import { isIsoTimestamp } from '@newsroom/editorial-domain';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT4_MAX = 2 ** 31 - 1;

/**
 * The type of each part of a sort key, as its SQL will cast it: a cursor is the client's to keep,
 * so a tampered one (a wrong type, a bad uuid, an int above 2^31) must fail here, not in PostgreSQL.
 */
export const CURSOR_PART = {
  instant: isIsoTimestamp,
  uuid: (v: unknown): v is string => typeof v === 'string' && UUID.test(v),
  int: (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= INT4_MAX,
  /** An id the server made (a contributor id in an article): bounded, no NUL for PostgreSQL's text. */
  text: (v: unknown): v is string => typeof v === 'string' && v.length <= 200 && !v.includes('\0'),
} satisfies Record<string, (v: unknown) => boolean>;

export type CursorPart = keyof typeof CURSOR_PART;

export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts.length && parts.every((part, i) => CURSOR_PART[part](key[i]))) {
      return key;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({
    message: 'Invalid cursor',
    details: [{ path: 'cursor', message: 'is not a cursor this API returned' }],
  });
}
