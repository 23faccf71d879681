import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ChaosSystem } from '../chaos/chaos-system';
import { fmt, percentile } from './bench-support';
import { ARTICLES, launchSystem, openLoop, seedDrafts, signIn } from './system-drive';
import { caughtUp, VisibilityClock } from './visibility-clock';

/**
 * bench:lag — the whole system as `npm start` lays it out (as bench:system), at a steady offered
 * rate of bench:system's mix on its articles (open loop: commands go out on time whatever the
 * answers), the time from "command accepted" (its HTTP answer) to "visible in article_state" (the
 * projector's NOTIFY on commit, bench:system's clock), beside raw kafkajs produce→consume latency
 * at the same rate on the same broker.
 */
// Well under what bench:system's closed loop reaches on this machine (about 100/s), so that the lag is
// the pipeline's own and not a queue's: at saturation bench:system measures it. BENCH_RATE raises it.
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

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

async function rawKafkaLatency(brokers: string[], seconds: number, rate: number) {
  const kafka = new Kafka({ brokers, clientId: 'bench-lag-raw', logLevel: logLevel.NOTHING });
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
        messages: [{ key: String(i % 1000), value: String(performance.now()) }],
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
  const sys = await ChaosSystem.start(3800);
  const clock = new VisibilityClock(sys.schema);
  try {
    const base = await launchSystem(sys);
    const sessions = await signIn(base);
    await clock.start();
    process.stdout.write(`seeding ${ARTICLES} drafts (800-character bodies)…\n`);
    const articles = await seedDrafts(base, sessions, (id, v) => clock.accepted(id, v));
    await caughtUp(clock, 60_000);
    clock.lags.length = 0;
    const sent = await openLoop(base, sessions, articles, SECONDS, RATE, (id, v) => clock.accepted(id, v));
    await caughtUp(clock, 60_000);
    const raw = await rawKafkaLatency([sys.broker.address], Math.min(SECONDS, 20), RATE);
    const lags = clock.lags.sort((a, b) => a - b);
    const latencies = sent.latencies.sort((a, b) => a - b);
    const [lag50, lag99, raw50, raw99] = [
      percentile(lags, 50),
      percentile(lags, 99),
      percentile(raw, 50),
      percentile(raw, 99),
    ];
    const lines = [
      '',
      `bench:lag: the processes of \`npm start\`, bench:system's mix offered at ${RATE}/s for ${fmt(sent.seconds)} s`,
      `  offered ${sent.offered}; accepted ${sent.accepted} (${fmt(sent.accepted / sent.seconds)}/s); refused ` +
        `${JSON.stringify(Object.fromEntries(sent.refused))}; ` +
        `not sent (all ${ARTICLES} articles busy) ${sent.unplaced}`,
      `  latency                          p50 ${fmt(percentile(latencies, 50), 1)} ms   ` +
        `p99 ${fmt(percentile(latencies, 99), 1)} ms`,
      `  accepted -> visible in article_state : p50 ${fmt(lag50, 1)} ms   p99 ${fmt(lag99, 1)} ms   ` +
        `(${lags.length} seen, ${clock.waiting} never; targets 50 / 250)`,
      `  raw kafkajs produce -> consume       : p50 ${fmt(raw50, 1)} ms   p99 ${fmt(raw99, 1)} ms`,
      `  ratio p50 ${fmt(lag50 / raw50, 2)}   ratio p99 ${fmt(lag99 / raw99, 2)}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await clock.stop().catch(() => undefined);
    await sys.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
