import { Kafka, logLevel, Admin, RetryOptions, type SASLOptions } from 'kafkajs';
import './kafkajs-idle-loop.fix';
import type { ConnectionOptions } from 'node:tls';
import { ARTICLE_EVENTS_PARTITIONS, topicNames } from './topics';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Connection timeout; kept short so health checks answer within seconds. */
  connectionTimeout?: number;
  requestTimeout?: number;
  /** Callers with a back-off of their own (the relay, health checks) retry little here. */
  retry?: RetryOptions;
  logLevel?: logLevel;
  /** TLS and SASL/SCRAM, from the environment by kafkaSecurityOf; absent, plaintext. */
  ssl?: ConnectionOptions | true;
  sasl?: SASLOptions;
}

export function createKafka(s: KafkaSettings): Kafka {
  return new Kafka({
    clientId: s.clientId,
    brokers: s.brokers,
    connectionTimeout: s.connectionTimeout ?? 3000,
    requestTimeout: s.requestTimeout ?? 10000,
    logLevel: s.logLevel ?? logLevel.ERROR,
    retry: s.retry ?? { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    ...(s.ssl && { ssl: s.ssl }),
    ...(s.sasl && { sasl: s.sasl }),
  });
}

export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Creates the event topics (infinite retention, so any new consumer can replay all history) and their DLQs. */
export async function ensureTopics(admin: Admin, prefix = ''): Promise<void> {
  const t = topicNames(prefix);
  const existing = new Set(await admin.listTopics());
  const wanted = Object.values(t).filter((name) => !existing.has(name));
  if (wanted.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: wanted.map((topic) => ({
      topic,
      numPartitions: ARTICLE_EVENTS_PARTITIONS,
      replicationFactor: 1,
      configEntries: [
        { name: 'retention.ms', value: '-1' },
        { name: 'retention.bytes', value: '-1' },
      ],
    })),
  });
}

/**
 * ensureTopics until it succeeds and every partition has a leader: a broker that is down, or a
 * topic another app is creating at this very moment, is waited for rather than a crash.
 */
export async function ensureTopicsWithRetry(
  kafka: Kafka,
  prefix = '',
  onRetry: (err: Error, retryInMs: number) => void = () => undefined,
  retryMs = 2000,
): Promise<void> {
  const t = topicNames(prefix);
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await ensureTopics(admin, prefix);
      const meta = await admin.fetchTopicMetadata({ topics: Object.values(t) });
      const leaderless = meta.topics.flatMap((topic) => topic.partitions.filter((p) => p.leader < 0));
      if (leaderless.length === 0) return;
      throw new Error(`${leaderless.length} partitions have no leader yet`);
    } catch (err) {
      onRetry(err as Error, retryMs);
      await new Promise((r) => setTimeout(r, retryMs));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
