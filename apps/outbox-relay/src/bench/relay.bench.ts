import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { articleStreamId } from '@newsroom/editorial-domain';
import {
  createSchemaIfMissing,
  dataSourceOptions,
  eventStoreMigrations,
  outboxBacklog,
  PostgresEventStore,
} from '@newsroom/event-store';
import { createKafka, ensureTopics, kafkaSecurityOf, parseBrokers, topicNames } from '@newsroom/messaging';
import { parseEnv } from '@newsroom/settings';

/**
 * bench:relay — the outbox relay as its own process against the real PostgreSQL and Kafka:
 * commit → consumed latency of single appends on an idle relay, then the drain rate of a backlog.
 */
const DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';
const BROKERS = parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
const SINGLES = Number(process.env.BENCH_SINGLES ?? 300);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200);
const EVENTS_PER_ARTICLE = Number(process.env.BENCH_EVENTS ?? 100);
const SCHEMA = 'bench_relay';
const PORT = 9479;
const prefix = `bench${randomUUID().slice(0, 8)}.`;
const actor = { id: 'bench', name: 'Bench Editor', role: 'editor' };
const received = new Map<string, number>();
const waiters = new Map<string, () => void>();

async function freshSchema(): Promise<DataSource> {
  const ds = new DataSource(
    dataSourceOptions({ url: DB_URL, schema: SCHEMA, migrations: eventStoreMigrations, poolSize: 10 }),
  );
  await ds.initialize();
  await ds.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await createSchemaIfMissing(ds, SCHEMA);
  await ds.runMigrations({ transaction: 'all' });
  return ds;
}

function startRelay(): ChildProcess {
  // Runs the compiled entry point after `npm run build`, or the sources when started through tsx.
  const fromSource = __filename.endsWith('.ts');
  const entry = join(__dirname, '..', fromSource ? 'main.ts' : 'main.js');
  return spawn(process.execPath, [...(fromSource ? ['--require', 'tsx/cjs'] : []), entry], {
    env: {
      ...process.env,
      DATABASE_URL: DB_URL,
      DATABASE_SCHEMA: SCHEMA,
      KAFKA_TOPIC_PREFIX: prefix,
      RELAY_METRICS_PORT: String(PORT),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function until(probe: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const ds = await freshSchema();
  const store = new PostgresEventStore(ds);
  const kafka = createKafka({ brokers: BROKERS, clientId: 'bench-relay', ...kafkaSecurityOf(parseEnv()) });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, prefix);
  const consumer = kafka.consumer({ groupId: `${prefix}bench`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: topicNames(prefix).articleEvents, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = String(message.headers?.['event-id']);
      received.set(id, Date.now());
      waiters.get(id)?.();
    },
  });
  const append = (streamId: string, head: { version: number; hash: string } | null, n: number) =>
    ds.transaction((m) =>
      store.append(
        streamId,
        head,
        Array.from({ length: n }, (_, i) => ({ type: 'Incremented', data: { by: i } })),
        { actor, commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID() },
        new Date().toISOString(),
        { manager: m },
      ),
    );

  let relay = startRelay();
  await until(
    () =>
      fetch(`http://127.0.0.1:${PORT}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    30_000,
    'the relay',
  );

  // 1. Single appends on an idle relay, spread over its poll cycle by a random pause.
  const latencies: number[] = [];
  for (let i = 0; i < SINGLES; i++) {
    await new Promise((r) => setTimeout(r, Math.random() * 60));
    const [event] = await append(articleStreamId(randomUUID()), null, 1);
    const committedAt = Date.now();
    if (!received.has(event.eventId)) await new Promise<void>((r) => waiters.set(event.eventId, r));
    latencies.push(received.get(event.eventId)! - committedAt);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `bench:relay  commit → consumed, ${SINGLES} single appends: p50 ${ms(pct(latencies, 50))}, ` +
      `p95 ${ms(pct(latencies, 95))}, p99 ${ms(pct(latencies, 99))}, max ${ms(latencies.at(-1)!)}`,
  );

  // 2. A backlog written while the relay is down, drained when it starts.
  await stop(relay);
  const before = received.size;
  const total = ARTICLES * EVENTS_PER_ARTICLE;
  await Promise.all(
    Array.from({ length: ARTICLES }, async () => {
      const streamId = articleStreamId(randomUUID());
      let head: { version: number; hash: string } | null = null;
      for (let done = 0; done < EVENTS_PER_ARTICLE; done += 10) head = (await append(streamId, head, 10)).at(-1)!;
    }),
  );
  const backlog = () => outboxBacklog(ds);
  const startedAt = Date.now();
  relay = startRelay();
  await until(async () => (await backlog()) < total, 30_000, 'the first batch');
  const firstAt = Date.now();
  await until(async () => (await backlog()) === 0, 300_000, 'the drain');
  const drainedAt = Date.now();
  await until(() => received.size - before >= total, 300_000, 'the consumer');
  const secs = (drainedAt - firstAt) / 1000;
  console.log(
    `bench:relay  backlog of ${total.toLocaleString('en-US')} events: drained in ${secs.toFixed(2)} s ` +
      `(${Math.round(total / secs).toLocaleString('en-US')} events/s) after ${ms(firstAt - startedAt)} of start-up; ` +
      `all consumed ${ms(Date.now() - startedAt)} after start`,
  );

  await stop(relay);
  await consumer.disconnect();
  await admin.deleteTopics({ topics: Object.values(topicNames(prefix)) }).catch(() => undefined);
  await admin.disconnect();
  await ds.query(`DROP SCHEMA "${SCHEMA}" CASCADE`);
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
