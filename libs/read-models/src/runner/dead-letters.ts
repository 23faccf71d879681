import type { IHeaders, Producer } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import type { ParkedItem } from './apply-events';
import { READ_MODEL_LOCK } from './runner-tables';

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
 * Takes the batch's shared read-model lock (a rebuild's switch takes it exclusively) and finds the
 * held-back articles in the same round trip: target-list expressions run in order, lock first.
 */
export async function lockAndFindHeldBack(
  m: EntityManager,
  projection: string,
  articleIds: string[],
): Promise<Set<string>> {
  const [row] = await m.query(
    `SELECT pg_advisory_xact_lock_shared(${READ_MODEL_LOCK}) AS locked,
       ARRAY(SELECT DISTINCT article_id FROM dead_letters
             WHERE projection = $1 AND resolved_at IS NULL AND article_id = ANY($2::text[])) AS held`,
    [projection, articleIds],
  );
  return new Set<string>(row.held);
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
  const known: Array<{ offset: string }> = await m.query(
    `SELECT "offset" FROM dead_letters WHERE projection = $1 AND topic = $2 AND partition = $3 AND "offset" = ANY($4::text[])`,
    [projection, topic, partition, parked.map((p) => p.item.ref.offset)],
  );
  const already = new Set(known.map((k) => k.offset));
  const fresh = parked.filter((p) => !already.has(p.item.ref.offset));
  for (const { item, reason } of fresh) {
    await m.query(
      `INSERT INTO dead_letters (projection, article_id, version, event_id, error, payload, topic, partition, "offset")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        projection,
        item.articleId,
        item.event?.version ?? null,
        item.event?.eventId ?? null,
        reason,
        noNul(item.ref.value?.toString('utf8') ?? null),
        topic,
        partition,
        item.ref.offset,
      ],
    );
  }
  if (fresh.length > 0) {
    await producer.send({
      topic: dlqTopic,
      acks: -1,
      messages: fresh.map(({ item, reason }) => ({
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

function noNul(text: string | null): string | null {
  return text === null ? null : text.replace(/\0/g, '\\0');
}
