import type { ArticleEventEnvelope, EnvelopeFields, EventEnvelope } from '@newsroom/contracts';
import { parseStreamId } from '@newsroom/event-store';

export interface OutgoingMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Key = the stream's id (the article id for an article), so every event of one stream lands on one
 * partition, in order.
 */
export function encodeEnvelope(e: ArticleEventEnvelope | EventEnvelope): OutgoingMessage {
  const key = e.streamId !== undefined ? parseStreamId(e.streamId)?.id : (e as ArticleEventEnvelope).articleId;
  if (!key) throw new MalformedEnvelope(`stream ${e.streamId} is not named <type>-<id>`);
  return {
    key,
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

const COMMON: Array<[keyof EnvelopeFields, string, Check]> = [
  ['eventId', 'a string', isString],
  ['type', 'a string', isString],
  ['schemaVersion', 'a number', (v) => typeof v === 'number'],
  ['version', 'an integer from 1 to 2^31-1', isVersion],
  ['position', 'a positive safe integer', isPosition],
  ['occurredAt', 'a string', isString],
  ['actor', 'an object', isObject],
  ['metadata', 'an object', isObject],
  ['prevHash', 'a SHA-256 hex digest', isHash],
  ['hash', 'a SHA-256 hex digest', isHash],
];

const ARTICLE: Array<[string, string, Check]> = [['articleId', 'a string', isString], ...COMMON];
const ANY_STREAM: Array<[string, string, Check]> = [
  ['streamType', 'a string', isString],
  ['streamId', 'a string', isString],
  ...COMMON,
];

/** Parses a message of the article topic; anything that is not a well-formed envelope is a MalformedEnvelope. */
export function decodeEnvelope(value: Buffer | string | null): ArticleEventEnvelope {
  return parse(value, ARTICLE) as unknown as ArticleEventEnvelope;
}

/** Parses a message of any stream's topic (`streamType` and `streamId` required); the caller narrows the type. */
export function decodeStreamEnvelope<Envelope extends EventEnvelope = EventEnvelope>(
  value: Buffer | string | null,
): Envelope {
  return parse(value, ANY_STREAM) as unknown as Envelope;
}

function parse(value: Buffer | string | null, required: Array<[string, string, Check]>): Record<string, unknown> {
  if (value === null) throw new MalformedEnvelope('empty message');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new MalformedEnvelope('message value is not JSON');
  }
  if (!isObject(parsed)) throw new MalformedEnvelope('message value is not a JSON object');
  const o = parsed as Record<string, unknown>;
  for (const [field, what, check] of required) {
    if (!check(o[field])) throw new MalformedEnvelope(`envelope field ${field} must be ${what}`);
  }
  return o;
}
