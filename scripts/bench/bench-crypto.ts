import { redactableFields } from '@newsroom/editorial-domain';
import { FieldCodec, PostgresFieldKeyStore } from '@newsroom/event-store';
import { rebuildProjections, type OpenEvents } from '@newsroom/read-models';
import { ChaosSystem } from '../chaos/chaos-system';
import { fmt } from './bench-support';
import { cpuMs } from './system-cpu';
import { closedLoop, seedDrafts, signIn, type Sessions } from './system-drive';

/**
 * bench:crypto (issue #12) — the write path's cost of field encryption: two APIs on one database, one
 * with FIELD_ENCRYPTION=false and one with true, driven at the same time by bench:write's clients and
 * mix (each its own clients and articles). Both see the same machine load at every instant, which
 * alternating runs on a shared machine do not. Per API: commands/s, and CPU per accepted command (the
 * API process and its PostgreSQL backends). Then the rebuild rate of article_state over what both
 * wrote, opening fields as the projector does against replaying them as stored, in alternating runs.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SIDES = [
  { name: 'api-plain', encrypted: false },
  { name: 'api-sealed', encrypted: true },
] as const;

/** CPU ms so far of one API process and of its database sessions (PGAPPNAME names the process). */
async function cpuOf(sys: ChaosSystem, name: string): Promise<{ api: number; db: number }> {
  const backends: Array<{ pid: number }> = await sys.db.query(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1`,
    [`chaos-${sys.runId}-${name}`],
  );
  return { api: cpuMs(sys.pidOf(name)!), db: backends.reduce((sum, b) => sum + cpuMs(b.pid), 0) };
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
      cpu: (after[i].api + after[i].db - before[i].api - before[i].db) / sent[i].accepted,
      apiCpu: (after[i].api - before[i].api) / sent[i].accepted,
      dbCpu: (after[i].db - before[i].db) / sent[i].accepted,
      refused: sent[i].refused,
    }));
    const [plain, sealed] = results;
    const lines = [
      '',
      `bench:crypto: two APIs side by side on one database, bench:write's mix, ${fmt(sent[0].seconds)} s`,
      ...results.map(
        (r) =>
          `  encryption ${r.encrypted ? 'on ' : 'off'}   ${fmt(r.rate)} commands/s   ` +
          `${fmt(r.cpu, 3)} ms CPU per command (API ${fmt(r.apiCpu, 3)} + its PostgreSQL backends ` +
          `${fmt(r.dbCpu, 3)})` +
          (r.refused.size ? `   refused ${JSON.stringify(Object.fromEntries(r.refused))}` : ''),
      ),
      `  encryption costs ${fmt(((sealed.cpu - plain.cpu) / plain.cpu) * 100)}% CPU per command and ` +
        `${fmt((1 - sealed.rate / plain.rate) * 100)}% of the throughput (target: at most 10% slower)`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    process.stdout.write(`${await rebuildRates(sys)}\n`);
  } finally {
    await sys.close();
  }
}

/**
 * article_state rebuilt over every stored event: with `openEvents` decrypting (a fresh codec each
 * run, so its key cache starts cold as a rebuild's does) and without (the same replay, fields left
 * as stored), alternating. Half the articles were written by the API that does not encrypt.
 */
async function rebuildRates(sys: ChaosSystem): Promise<string> {
  const rates = { opened: [] as number[], asStored: [] as number[] };
  let events = 0;
  for (const opened of [false, true, false, true]) {
    const masterKey = Buffer.from(sys.masterKey, 'base64');
    const codec = new FieldCodec({ keys: new PostgresFieldKeyStore(sys.db), masterKey, redactableFields });
    const openEvents: OpenEvents = opened ? (page) => codec.decrypt(page) : async (page) => page;
    const [result] = await rebuildProjections(sys.db, ['article_state'], { openEvents });
    events = result.events;
    (opened ? rates.opened : rates.asStored).push(result.eventsPerSecond);
  }
  const [{ sealed }] = await sys.db.query(
    `SELECT count(*) FILTER (WHERE data::text LIKE '%"$enc"%')::int AS sealed
       FROM events WHERE stream_id LIKE 'article-%'`,
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [opened, asStored] = [mean(rates.opened), mean(rates.asStored)];
  return [
    `  rebuild of article_state, ${events} events (${sealed} with encrypted fields), two runs each:`,
    `    fields opened      ${fmt(opened, 0)} events/s   (${rates.opened.map((r) => fmt(r, 0)).join(', ')})`,
    `    fields as stored   ${fmt(asStored, 0)} events/s   (${rates.asStored.map((r) => fmt(r, 0)).join(', ')})`,
    `    opening costs ${fmt((1 - opened / asStored) * 100)}% of the rebuild rate`,
    '',
  ].join('\n');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
