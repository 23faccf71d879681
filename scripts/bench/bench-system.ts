import { ChaosSystem } from '../chaos/chaos-system';
import { fmt, percentile, rawInserts, RAW_CLIENTS } from './bench-support';
import { longStreamPhase } from './bench-long-stream';
import { spent, total, usage } from './system-cpu';
import { ARTICLES, CLIENTS, closedLoop, launchSystem, seedDrafts, signIn, type Sessions } from './system-drive';
import { caughtUp, VisibilityClock } from './visibility-clock';

/**
 * bench:system — the whole system as `npm start` lays it out (API, relay, two projectors, the Kafka
 * broker and the PostgreSQL backends serving them), driven by 16 closed-loop clients issuing mixed
 * commands on 1,000 articles, beside raw single-row insert transactions on the same PostgreSQL in
 * the same run. CPU is counted per process from /proc/<pid>/stat: compare ratios, not times.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const IDLE_SECONDS = 10;
const IDLE_SETTLE_SECONDS = 5;
/** BENCH_PHASES=long-stream runs only the long-stream phase; by default every phase runs. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'system,long-stream').split(','));

async function main() {
  const sys = await ChaosSystem.start(3600);
  const clock = new VisibilityClock(sys.schema);
  try {
    const base = await launchSystem(sys);
    const sessions = await signIn(base);
    await clock.start();
    if (PHASES.has('system')) await systemPhase(sys, clock, base, sessions);
    if (PHASES.has('long-stream')) {
      const lines = await longStreamPhase({
        base,
        editor: sessions.editor,
        editorUser: sessions.editorUser,
        db: sys.db,
        visible: async (id, version) => {
          clock.accepted(id, version);
          await caughtUp(clock, 180_000);
        },
      });
      process.stdout.write(['', 'bench:system, long-stream phase', ...lines, ''].join('\n'));
    }
  } finally {
    await clock.stop().catch(() => undefined);
    await sys.close();
  }
}

async function systemPhase(sys: ChaosSystem, clock: VisibilityClock, base: string, sessions: Sessions) {
  process.stdout.write(`seeding ${ARTICLES} drafts (800-character bodies)…\n`);
  const articles = await seedDrafts(base, sessions, (id, v) => clock.accepted(id, v));
  await caughtUp(clock, 60_000);
  clock.lags.length = 0;

  const before = await usage(sys);
  const sent = await closedLoop(base, sessions, articles, SECONDS, (id, v) => clock.accepted(id, v));
  const after = await usage(sys);
  await caughtUp(clock, 60_000);
  // Idle means nothing left to do: the run's last batches, commits and collections settle first.
  await new Promise((r) => setTimeout(r, IDLE_SETTLE_SECONDS * 1000));
  const idleBefore = await usage(sys);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idle = spent(idleBefore, await usage(sys));
  const raw = await rawInserts(10);

  const latencies = sent.latencies.sort((a, b) => a - b);
  const lags = clock.lags.sort((a, b) => a - b);
  const load = spent(before, after);
  const { accepted, seconds } = sent;
  const rate = accepted / seconds;
  const ms = (n: number, digits = 2) => `${fmt(n, digits)} ms`;
  const core = (cpu: number, over: number) => `${fmt((100 * cpu) / (over * 1000), 1)}% of a core`;
  const lines = [
    '',
    `bench:system: the processes of \`npm start\`, ${CLIENTS} closed-loop clients, ${ARTICLES} articles, ` +
      `${fmt(seconds)} s`,
    `  commands accepted          ${fmt(accepted, 0)} (${fmt(rate)}/s); refused ` +
      JSON.stringify(Object.fromEntries(sent.refused)),
    `  latency                    p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}` +
      `   (target p99 <= 50 ms)`,
    `  accepted -> article_state  p50 ${ms(percentile(lags, 50), 1)}   p99 ${ms(percentile(lags, 99), 1)}` +
      `   (${lags.length} seen; target p99 <= 250 ms)`,
    `  raw insert tx, ${RAW_CLIENTS} clients   ${fmt(raw)}/s   ratio commands/raw ${fmt(rate / raw, 3)}` +
      ` (target >= 0.5)`,
    `  CPU per accepted command   ${ms(total(load) / accepted)} in all (target <= 2 ms):`,
    ...[...load].map(([g, cpu]) => `    ${g.padEnd(42)} ${ms(cpu / accepted).padStart(9)}   ${core(cpu, seconds)}`),
    `  idle over ${IDLE_SECONDS} s, ${IDLE_SETTLE_SECONDS} s after the last command was visible: ` +
      `${core(total(idle), IDLE_SECONDS)} in all (target <= 2%):`,
    ...[...idle].map(([g, cpu]) => `    ${g.padEnd(42)} ${core(cpu, IDLE_SECONDS)}`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
