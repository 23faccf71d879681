import { randomBytes } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { createKafka, encodeEnvelope, ensureTopics, parseBrokers, topicNames } from '@newsroom/messaging';

export const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');

export interface TestKafka {
  kafka: Kafka;
  producer: Producer;
  prefix: string;
  topic: string;
  dlqTopic: string;
  /** Disconnects and deletes the suite's topics (consumers must be stopped first). */
  close(): Promise<void>;
}

/** Topics of their own (a fresh prefix) and a producer. */
export async function testKafka(label: string): Promise<TestKafka> {
  const prefix = `t${randomBytes(4).toString('hex')}.${label}.`;
  const kafka = createKafka({ brokers, clientId: `int-spec-${label}` });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, prefix);
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const { articleEvents, articleEventsDlq } = topicNames(prefix);
  const close = async () => {
    await producer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteTopics({ topics: Object.values(topicNames(prefix)) }).finally(() => cleanup.disconnect());
  };
  return { kafka, producer, prefix, topic: articleEvents, dlqTopic: articleEventsDlq, close };
}

/**
 * What the outbox relay does, minus the outbox: every page `nextPage` reads after `after`, sent to
 * the suite's topic keyed by article. Returns the last position sent. The reader is passed in so
 * this kit needs no read model.
 */
export async function sendPages(
  k: TestKafka,
  nextPage: (afterPosition: number) => Promise<ArticleEventEnvelope[]>,
  after = 0,
): Promise<number> {
  for (;;) {
    const page = await nextPage(after);
    if (page.length === 0) return after;
    await k.producer.send({ topic: k.topic, acks: -1, messages: page.map(encodeEnvelope) });
    after = page[page.length - 1].position;
  }
}
