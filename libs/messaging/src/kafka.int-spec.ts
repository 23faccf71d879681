import { randomUUID } from 'node:crypto';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { waitFor } from '@newsroom/testing';
import { createKafka, decodeEnvelope, encodeEnvelope, ensureTopics, topicNames } from './index';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

function envelope(articleId: string, version: number): ArticleEventEnvelope {
  const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
  return {
    eventId: randomUUID(),
    type: 'ArticleRevised',
    schemaVersion: 1,
    articleId,
    version,
    position: version,
    occurredAt: new Date().toISOString(),
    actor,
    correlationId: 'c',
    causationId: 'c',
    data: { changes: { headline: `v${version}` } },
    // Delivery only: nothing here checks the chain.
    metadata: { actor, commandId: 'c', correlationId: 'c', causationId: 'c' },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

describe('the messaging lib against the real broker', () => {
  const prefix = `t${randomUUID().slice(0, 8)}.`;
  const topic = topicNames(prefix).articleEvents;
  let kafka: Kafka;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    kafka = createKafka({ brokers, clientId: 'messaging-int-spec' });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, prefix);
    await admin.disconnect();
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
  });

  it('creates the event topic with six partitions and infinite retention', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    const configs = await admin.describeConfigs({
      resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }],
      includeSynonyms: false,
    });
    await admin.disconnect();
    expect(meta.topics[0].partitions).toHaveLength(6);
    expect(configs.resources[0].configEntries[0].configValue).toBe('-1');
  });

  it('delivers envelopes to a group in per-article order, commits offsets, rebalances to a second member', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const articles = [randomUUID(), randomUUID(), randomUUID()];
    for (let v = 1; v <= 5; v++) {
      await producer.send({ topic, acks: -1, messages: articles.map((a) => encodeEnvelope(envelope(a, v))) });
    }
    await producer.disconnect();

    const groupId = `${prefix}group`;
    const seen = new Map<string, number[]>();
    const assignments: number[][] = [];
    const start = async () => {
      const c = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500 });
      consumers.push(c);
      const index = consumers.length - 1;
      c.on(c.events.GROUP_JOIN, (e) => {
        assignments[index] = e.payload.memberAssignment[topic] ?? [];
      });
      await c.connect();
      await c.subscribe({ topic, fromBeginning: true });
      await c.run({
        eachMessage: async ({ message }: EachMessagePayload) => {
          const e = decodeEnvelope(message.value);
          seen.set(e.articleId, [...(seen.get(e.articleId) ?? []), e.version]);
        },
      });
    };
    await start();
    await waitFor('all 15 messages', async () => [...seen.values()].flat().length >= 15, 30000);
    for (const a of articles) expect(seen.get(a)).toEqual([1, 2, 3, 4, 5]);

    const admin = kafka.admin();
    await admin.connect();
    const committed = await waitFor(
      'committed offsets',
      async () => {
        const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const total = t.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
        return total === 15 ? total : undefined;
      },
      20000,
    );
    expect(committed).toBe(15);

    await start();
    // Both members report their join; the first one's report of the new generation may come second.
    const split = () =>
      assignments.length === 2 && assignments.every((a) => a && a.length > 0)
        ? [...assignments[0], ...assignments[1]].sort((a, b) => a - b)
        : [];
    await waitFor('the six partitions split between both members', async () => split().join() === '0,1,2,3,4,5', 30000);
    expect(split()).toEqual([0, 1, 2, 3, 4, 5]);
    await admin.disconnect();
  });
});
