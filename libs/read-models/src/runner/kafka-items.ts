import type { KafkaMessage } from 'kafkajs';
import { verifyEnvelopeHash } from '@newsroom/messaging';
import { UnprojectableEvent } from '../projections/projection.errors';
import type { Item } from './apply-events';
import type { MessageRef } from './dead-letters';
import { articleSource, type StreamEvent, type StreamSource } from './stream-source';

/** Article ids as the event store writes them; anything else could not be a key of `article_state`. */
const ARTICLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isArticleId(id: string): boolean {
  return ARTICLE_ID.test(id);
}

/**
 * A Kafka message as the runner's item. A message that cannot be read, or whose content does not
 * match its hash, still names an article through its key (the relay keys by article), so that
 * article can be held back behind it.
 */
export function itemOf(
  topic: string,
  partition: number,
  message: KafkaMessage,
  source: StreamSource = articleSource,
): Item<MessageRef, StreamEvent> {
  const key = message.key?.toString('utf8') ?? null;
  const ref: MessageRef = {
    topic,
    partition,
    offset: message.offset,
    key,
    value: message.value,
    headers: message.headers ?? {},
  };
  try {
    const event: StreamEvent = source.decode(message.value);
    const id = source.keyOf(event);
    const named = { ...event, articleId: id };
    if (!ARTICLE_ID.test(id)) throw new UnprojectableEvent(named, `${source.streamType}Id is not a lower-case UUID`);
    // Ordering per stream holds only within the partition its key chose.
    if (key !== id) throw new UnprojectableEvent(named, `message key ${key} is not its ${source.streamType} id`);
    // Content against its own hash here; the hash against the event store per batch (provenance.ts).
    verifyEnvelopeHash(event);
    return { articleId: id, event, ref };
  } catch (err) {
    return { articleId: key !== null && ARTICLE_ID.test(key) ? key : null, event: null, unreadable: err as Error, ref };
  }
}
