import type { IHeaders, Producer } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import { recordDeadLetters } from '../tables/dead-letters.table';
import type { ParkedItem } from './apply-events';

/** Where a Kafka message came from; the item `ref` of the live consumers. */
export interface MessageRef {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The bytes as received: the DLQ gets them unchanged. */
  value: Buffer | null;
  headers: IHeaders;
}

/**
 * Records parked messages in `dead_letters` and copies them to the DLQ topic, inside the batch's
 * transaction: a failed send rolls the batch back and Kafka redelivers it. A message already
 * recorded (redelivered after a crash between commit and offset commit) is not recorded twice.
 */
export async function deadLetter(
  m: EntityManager,
  producer: Producer,
  dlqTopic: string,
  projection: string,
  parked: ParkedItem<MessageRef>[],
): Promise<number> {
  if (parked.length === 0) return 0;
  const { topic, partition } = parked[0].item.ref;
  const fresh = await recordDeadLetters(
    m,
    projection,
    { topic, partition },
    parked.map((p) => ({
      articleId: p.item.articleId,
      version: p.item.event?.version ?? null,
      eventId: p.item.event?.eventId ?? null,
      error: p.reason,
      payload: p.item.ref.value?.toString('utf8') ?? null,
      offset: p.item.ref.offset,
      parked: p,
    })),
  );
  if (fresh.length > 0) {
    await producer.send({
      topic: dlqTopic,
      acks: -1,
      messages: fresh.map(({ parked: { item, reason } }) => ({
        key: item.ref.key,
        value: item.ref.value,
        headers: {
          ...item.ref.headers,
          projection,
          error: reason,
          'original-topic': topic,
          'original-partition': String(partition),
          'original-offset': item.ref.offset,
        },
      })),
    });
  }
  return fresh.length;
}
