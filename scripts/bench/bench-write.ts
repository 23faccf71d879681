import { ChaosSystem } from '../chaos/chaos-system';
import { fmt, httpJson, percentile, rawInserts, RAW_CLIENTS } from './bench-support';
import { spent, total, usage } from './system-cpu';
import { ARTICLES, CLIENTS, closedLoop, launchSystem, seedDrafts, signIn } from './system-drive';

/**
 * bench:write — the API alone: bench:system's clients, articles, mix and settings (If-Match on every
 * command, npm start's log level), with no relay, projectors or broker traffic on its database. What
 * it gives is the write path's ceiling; bench:system shows what the other processes take from it.
 * Beside raw single-row insert transactions on the same PostgreSQL in the same run.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/** The framework's own ceiling: auth guard, routing and a pipe that refuses the id, no database. */
async function frameworkFloor(base: string, headers: Record<string, string>, seconds: number) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        await httpJson(base, 'GET', '/api/articles/not-an-article-id', headers);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function main() {
  const sys = await ChaosSystem.start(3700);
  try {
    const base = await launchSystem(sys, ['editorial-api']);
    const sessions = await signIn(base);
    process.stdout.write(`seeding ${ARTICLES} drafts (800-character bodies)…\n`);
    const articles = await seedDrafts(base, sessions);
    const before = await usage(sys, false);
    const sent = await closedLoop(base, sessions, articles, SECONDS);
    const load = spent(before, await usage(sys, false));
    const floor = await frameworkFloor(base, sessions.editor, 5);
    const raw = await rawInserts(10);
    const latencies = sent.latencies.sort((a, b) => a - b);
    const rate = sent.accepted / sent.seconds;
    const ms = (n: number) => `${fmt(n, 2)} ms`;
    const lines = [
      '',
      `bench:write: the API alone, ${CLIENTS} closed-loop clients, ${ARTICLES} articles, bench:system's mix, ` +
        `${fmt(sent.seconds)} s`,
      `  commands accepted          ${fmt(sent.accepted, 0)} (${fmt(rate)}/s); refused ` +
        JSON.stringify(Object.fromEntries(sent.refused)),
      `  latency                    p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}`,
      `  raw insert tx, ${RAW_CLIENTS} clients   ${fmt(raw)}/s   ratio commands/raw ${fmt(rate / raw, 3)}`,
      `  CPU per accepted command   ${ms(total(load) / sent.accepted)} (API and its PostgreSQL backends):`,
      ...[...load].map(([g, cpu]) => `    ${g.padEnd(42)} ${ms(cpu / sent.accepted).padStart(9)}`),
      `  context: an authenticated request that does no I/O: ${fmt(floor)} req/s (${fmt(floor / raw, 3)} of raw)`,
      '  the whole system (relay, projectors, broker) on the same work: npm run bench:system',
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (sent.refused.size > 0) process.exitCode = 1;
  } finally {
    await sys.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
