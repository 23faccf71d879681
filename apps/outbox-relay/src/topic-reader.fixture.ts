import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import type { ArticleEventEnvelope, EventEnvelope } from '@newsroom/contracts';
import {
  createKafka,
  decodeEnvelope,
  decodeStreamEnvelope,
  ensureTopics,
  parseBrokers,
  topicNames,
} from '@newsroom/messaging';

export const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');

/** Topics of their own for one suite. */
export async function createTopics(): Promise<string> {
  const prefix = `t${randomUUID().slice(0, 8)}.`;
  const admin = createKafka({ brokers, clientId: 'relay-int-spec' }).admin();
  await admin.connect();
  await ensureTopics(admin, prefix);
  await admin.disconnect();
  return prefix;
}

export async function deleteTopics(prefix: string): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'relay-int-spec' }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: Object.values(topicNames(prefix)) }).catch(() => undefined);
  await admin.disconnect();
}

export interface Received {
  key: string;
  headers: Record<string, string>;
  envelope: ArticleEventEnvelope;
  partition: number;
  receivedAt: number;
}

/** A message of the contribution topic: the generic envelope. */
export interface ReceivedOther extends Omit<Received, 'envelope'> {
  topic: string;
  envelope: EventEnvelope & Record<string, unknown>;
}

/**
 * Everything on the suite's event topics, read from the beginning by a consumer group of its own:
 * the article topic in `messages`, the contribution topic in `others`.
 */
export class TopicReader {
  readonly messages: Received[] = [];
  readonly others: ReceivedOther[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(
    prefix: string,
    kafka: Kafka = createKafka({ brokers, clientId: 'relay-int-spec' }),
  ): Promise<TopicReader> {
    const consumer = kafka.consumer({ groupId: `${prefix}reader-${randomUUID().slice(0, 8)}`, maxWaitTimeInMs: 200 });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    const topics = topicNames(prefix);
    await consumer.subscribe({ topics: [topics.articleEvents, topics.contributionEvents], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message, partition }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        if (topic !== topics.articleEvents) {
          const envelope = decodeStreamEnvelope<EventEnvelope & Record<string, unknown>>(message.value);
          reader.others.push({ topic, key: String(message.key), headers, envelope, partition, receivedAt: Date.now() });
          return;
        }
        reader.messages.push({
          key: String(message.key),
          headers,
          envelope: decodeEnvelope(message.value),
          partition,
          receivedAt: Date.now(),
        });
      },
    });
    return reader;
  }

  /** Versions per article in the order they arrived, redeliveries included. */
  versionsByArticle(): Map<string, number[]> {
    const byArticle = new Map<string, number[]>();
    for (const m of this.messages) byArticle.set(m.key, [...(byArticle.get(m.key) ?? []), m.envelope.version]);
    return byArticle;
  }

  /**
   * What a consumer that skips versions it already applied ends up applying, per article. With
   * at-least-once delivery this, not the raw sequence, must be 1..n with no gap and no inversion.
   */
  appliedByArticle(): Map<string, number[]> {
    const applied = new Map<string, number[]>();
    for (const [article, versions] of this.versionsByArticle()) {
      let last = 0;
      applied.set(
        article,
        versions.filter((v) => (v > last ? ((last = v), true) : false)),
      );
    }
    return applied;
  }

  /** True once every article's latest version has arrived; whether all before it did is for the test to assert. */
  reached(expected: Map<string, number>): boolean {
    const applied = this.appliedByArticle();
    return [...expected].every(([article, n]) => (applied.get(article)?.at(-1) ?? 0) >= n);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export function oneToN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
