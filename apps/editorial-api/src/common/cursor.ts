import { BadRequestException } from '@nestjs/common';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({
    message: 'Invalid cursor',
    details: [{ path: 'cursor', message: 'is not a cursor this API returned' }],
  });
}
