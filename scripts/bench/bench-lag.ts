import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSecurityOf } from '@newsroom/messaging';
import { articleVersions } from '@newsroom/read-models';
import { parseEnv } from '@newsroom/settings';
import { BENCH_DB_URL, fmt, freshSchema, httpJson, percentile, startApp, stop } from './bench-support';

/**
 * bench:lag — at a steady command rate, the time from "command accepted" (HTTP response) to
 * "visible in the article read model", beside raw kafkajs produce→consume latency at the same rate.
 */
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 3000);
const PORT = 3198;
const base = `http://127.0.0.1:${PORT}`;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Fires `perTick` calls every 10 ms for `seconds`, never waiting on them: an open-loop load. */
async function steady(seconds: number, rate: number, fire: (i: number) => void) {
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) fire(sent++);
    await new Promise((r) => setTimeout(r, 2));
  }
  return sent;
}

async function rawKafkaLatency(seconds: number, rate: number) {
  const kafka = new Kafka({
    brokers,
    clientId: 'bench-lag-raw',
    logLevel: logLevel.NOTHING,
    ...kafkaSecurityOf(parseEnv()),
  });
  const topic = `bench.raw.${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  const latencies: number[] = [];
  const consumer = kafka.consumer({ groupId: `${topic}.g`, maxWaitTimeInMs: 10 });
  const joined = new Promise((r) => consumer.on(consumer.events.GROUP_JOIN, r));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      latencies.push(performance.now() - Number(message.value));
    },
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await joined; // measure only once the group owns its partitions
  const sent = await steady(
    seconds,
    rate,
    (i) =>
      void producer.send({
        topic,
        acks: -1,
        messages: [{ key: String(i % ARTICLES), value: String(performance.now()) }],
      }),
  );
  const deadline = Date.now() + 30000;
  while (latencies.length < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return latencies.sort((a, b) => a - b);
}

async function main() {
  const schema = 'bench_lag';
  const topicPrefix = `bench${randomBytes(3).toString('hex')}.`;
  const db = await freshSchema(schema);
  const env = {
    DATABASE_URL: BENCH_DB_URL,
    DATABASE_SCHEMA: schema,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    NODE_ENV: 'test',
    RELAY_METRICS_PORT: '0',
  };
  const apps = [
    await startApp('editorial-api', { ...env, PORT: String(PORT) }, `${base}/health`),
    await startApp('outbox-relay', env),
    // The read-your-writes model gets a projector process of its own, as a deployment scales it.
    await startApp('projector', { ...env, PROJECTIONS: 'article_state' }),
    await startApp('projector', { ...env, PROJECTIONS: 'audit_trail,article_list,contributor_index' }),
  ];
  try {
    const login = await httpJson(
      base,
      'POST',
      '/api/auth/login',
      {},
      { email: 'editor@newsroom.test', password: 'newsroom' },
    );
    const headers = { authorization: `Bearer ${login.body.accessToken}` };
    const ids: string[] = [];
    for (let i = 0; i < ARTICLES; i += 50) {
      ids.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, async (_, k) => {
            const r = await httpJson(base, 'POST', '/api/articles', headers, { headline: `Lag story ${i + k}` });
            return r.body.id as string;
          }),
        )),
      );
    }
    // Waiting on versions, not on time: each accepted command is pending until the read model shows it.
    const pending = new Map<string, { version: number; acceptedAt: number }>();
    const lags: number[] = [];
    let failures = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching || pending.size > 0) {
        if (pending.size > 0) {
          const versions = await articleVersions(db, 'article_state', [...pending.keys()]);
          const now = performance.now();
          for (const [articleId, version] of versions) {
            const p = pending.get(articleId);
            if (p && version >= p.version) {
              lags.push(now - p.acceptedAt);
              pending.delete(articleId);
            }
          }
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const busy = new Set<string>();
    const sent = await steady(SECONDS, RATE, (i) => {
      const id = ids[i % ids.length];
      if (busy.has(id)) {
        failures++;
        return;
      }
      busy.add(id);
      void httpJson(base, 'POST', `/api/articles/${id}/contributors`, headers, {
        name: `Writer ${i}`,
        role: 'contributor',
      })
        .then((r) => {
          const body = r.body as { version: number };
          if (r.status !== 201) {
            failures++;
            return;
          }
          const prior = pending.get(id);
          pending.set(id, { version: body.version, acceptedAt: prior?.acceptedAt ?? performance.now() });
        })
        .catch(() => failures++)
        .finally(() => busy.delete(id));
    });
    const deadline = Date.now() + 30000;
    while (busy.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    watching = false;
    await Promise.race([watcher, new Promise((r) => setTimeout(r, 30000))]);
    lags.sort((a, b) => a - b);
    const raw = await rawKafkaLatency(Math.min(SECONDS, 20), RATE);
    const [lag50, lag99, raw50, raw99] = [
      percentile(lags, 50),
      percentile(lags, 99),
      percentile(raw, 50),
      percentile(raw, 99),
    ];
    console.log(
      `bench:lag  ${sent} commands offered at ${RATE}/s for ${SECONDS} s: ` +
        `${lags.length} accepted and measured (${fmt(lags.length / SECONDS)}/s), ` +
        `${failures} skipped (article still busy) or failed, ${pending.size} never visible`,
    );
    console.log(
      `  accepted -> visible in read model : p50 ${fmt(lag50, 1)} ms   p99 ${fmt(lag99, 1)} ms   (targets 50 / 250)`,
    );
    console.log(`  raw kafkajs produce -> consume    : p50 ${fmt(raw50, 1)} ms   p99 ${fmt(raw99, 1)} ms`);
    console.log(`  ratio p50 ${fmt(lag50 / raw50, 2)}   ratio p99 ${fmt(lag99 / raw99, 2)}`);
  } finally {
    await db.destroy();
    for (const app of apps.reverse()) await stop(app);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
