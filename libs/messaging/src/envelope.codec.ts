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

const REQUIRED: Array<[keyof ArticleEventEnvelope, string]> = [
  ['eventId', 'string'],
  ['type', 'string'],
  ['schemaVersion', 'number'],
  ['articleId', 'string'],
  ['version', 'number'],
  ['position', 'number'],
  ['occurredAt', 'string'],
  ['actor', 'object'],
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
  const o = parsed as Record<string, unknown>;
  for (const [field, type] of REQUIRED) {
    if (o === null || typeof o !== 'object' || typeof o[field] !== type || o[field] === null) {
      throw new MalformedEnvelope(`envelope field ${field} must be a ${type}`);
    }
  }
  return o as unknown as ArticleEventEnvelope;
}
