import type { ArticleEventEnvelope } from '@newsroom/contracts';

export interface OutgoingMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Key = article id, so every event of one article lands on one partition, in order. */
export function encodeEnvelope(e: ArticleEventEnvelope): OutgoingMessage {
  return {
    key: e.articleId,
    value: JSON.stringify(e),
    headers: { 'event-type': e.type, 'event-id': e.eventId },
  };
}

export class MalformedEnvelope extends Error {}

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isObject: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
// The integer columns a projection writes them to: a larger one would fail every retry of its batch.
const isVersion: Check = (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2 ** 31 - 1;
const isPosition: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 1;
const isHash: Check = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

const REQUIRED: Array<[keyof ArticleEventEnvelope, string, Check]> = [
  ['eventId', 'a string', isString],
  ['type', 'a string', isString],
  ['schemaVersion', 'a number', (v) => typeof v === 'number'],
  ['articleId', 'a string', isString],
  ['version', 'an integer from 1 to 2^31-1', isVersion],
  ['position', 'a positive safe integer', isPosition],
  ['occurredAt', 'a string', isString],
  ['actor', 'an object', isObject],
  ['metadata', 'an object', isObject],
  ['prevHash', 'a SHA-256 hex digest', isHash],
  ['hash', 'a SHA-256 hex digest', isHash],
];

/** Parses a message value; anything that is not a well-formed envelope is a MalformedEnvelope. */
export function decodeEnvelope(value: Buffer | string | null): ArticleEventEnvelope {
  if (value === null) throw new MalformedEnvelope('empty message');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new MalformedEnvelope('message value is not JSON');
  }
  if (!isObject(parsed)) throw new MalformedEnvelope('message value is not a JSON object');
  const o = parsed as Record<string, unknown>;
  for (const [field, what, check] of REQUIRED) {
    if (!check(o[field])) throw new MalformedEnvelope(`envelope field ${field} must be ${what}`);
  }
  return o as unknown as ArticleEventEnvelope;
}
