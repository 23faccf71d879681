import { ChaosSystem } from '../chaos/chaos-system';
import { fmt } from './bench-support';
import { cpuMs } from './system-cpu';
import { closedLoop, seedDrafts, signIn, type Sessions } from './system-drive';

/**
 * bench:crypto (issue #12) — the write path's cost of field encryption: two APIs on one database, one
 * with FIELD_ENCRYPTION=false and one with true, driven at the same time by bench:write's clients and
 * mix (each its own clients and articles). Both see the same machine load at every instant, which
 * alternating runs on a shared machine do not. Per API: commands/s, and CPU per accepted command (the
 * API process and its PostgreSQL backends). The rebuild rate with decryption is not measured here yet.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SIDES = [
  { name: 'api-plain', encrypted: false },
  { name: 'api-sealed', encrypted: true },
] as const;

/** CPU ms so far of one API process and its database sessions (PGAPPNAME names the process). */
async function cpuOf(sys: ChaosSystem, name: string): Promise<number> {
  const backends: Array<{ pid: number }> = await sys.db.query(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1`,
    [`chaos-${sys.runId}-${name}`],
  );
  return cpuMs(sys.pidOf(name)!) + backends.reduce((sum, b) => sum + cpuMs(b.pid), 0);
}

async function main() {
  const sys = await ChaosSystem.start(3750);
  try {
    const ready: { name: string; encrypted: boolean; base: string; sessions: Sessions }[] = [];
    for (const side of SIDES) {
      const env = { NODE_ENV: 'development', LOG_LEVEL: 'info', FIELD_ENCRYPTION: String(side.encrypted) };
      await sys.launch({ name: side.name, app: 'editorial-api', env });
      const base = sys.apiBases().at(-1)!;
      ready.push({ ...side, base, sessions: await signIn(base) });
    }
    process.stdout.write('seeding drafts (800-character bodies) through each API…\n');
    const articles = await Promise.all(ready.map((s) => seedDrafts(s.base, s.sessions)));
    // Backends opened for seeding stay in the pool; a session opened later counts from zero, a slight undercount.
    const before = await Promise.all(ready.map((s) => cpuOf(sys, s.name)));
    const sent = await Promise.all(ready.map((s, i) => closedLoop(s.base, s.sessions, articles[i], SECONDS)));
    const after = await Promise.all(ready.map((s) => cpuOf(sys, s.name)));
    const results = ready.map((s, i) => ({
      ...s,
      rate: sent[i].accepted / sent[i].seconds,
      cpu: (after[i] - before[i]) / sent[i].accepted,
      refused: sent[i].refused,
    }));
    const [plain, sealed] = results;
    const lines = [
      '',
      `bench:crypto: two APIs side by side on one database, bench:write's mix, ${fmt(sent[0].seconds)} s`,
      ...results.map(
        (r) =>
          `  encryption ${r.encrypted ? 'on ' : 'off'}   ${fmt(r.rate)} commands/s   ` +
          `${fmt(r.cpu, 3)} ms CPU per command (API and its PostgreSQL backends)` +
          (r.refused.size ? `   refused ${JSON.stringify(Object.fromEntries(r.refused))}` : ''),
      ),
      `  encryption costs ${fmt(((sealed.cpu - plain.cpu) / plain.cpu) * 100)}% CPU per command and ` +
        `${fmt((1 - sealed.rate / plain.rate) * 100)}% of the throughput (target: at most 10% slower)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await sys.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
