import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { ARTICLE_VERSIONS_CHANNEL } from '@newsroom/read-models';
import { ChaosSystem } from '../chaos/chaos-system';
import { SYSTEM_PROCESSES } from '../system-processes';
import { BENCH_DB_URL, fmt, httpJson, percentile, rawInserts, RAW_CLIENTS } from './bench-support';
import { longStreamPhase } from './bench-long-stream';
import { articleCycle, type BenchArticle } from './system-workload';

/**
 * bench:system — the whole system as `npm start` lays it out (API, relay, two projectors, the Kafka
 * broker and the PostgreSQL backends serving them), driven by 16 closed-loop clients issuing mixed
 * commands on 1,000 articles, beside raw single-row insert transactions on the same PostgreSQL in
 * the same run. CPU is counted per process from /proc/<pid>/stat: compare ratios, not times.
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);
const CLIENTS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const IDLE_SECONDS = 10;
/** BENCH_PHASES=long-stream runs only the long-stream phase; by default every phase runs. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'system,long-stream').split(','));
const TICK_MS = 1000 / 100; // clock ticks: USER_HZ is 100 on Linux

/** CPU milliseconds (user + system) a process has used so far; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

type Usage = Map<string, Map<number, number>>;

/** Each group's processes and their CPU so far: the apps, the broker and this run's database sessions. */
async function usage(sys: ChaosSystem): Promise<Usage> {
  const groups: Usage = new Map();
  const add = (group: string, pid: number | undefined) => {
    if (!pid) return;
    if (!groups.has(group)) groups.set(group, new Map());
    groups.get(group)!.set(pid, cpuMs(pid));
  };
  for (const p of SYSTEM_PROCESSES) add(p.name, sys.pidOf(p.name));
  add('kafka broker', sys.broker.pid);
  const relayPid = sys.pidOf('outbox-relay');
  const backends: Array<{ pid: number }> = await sys.db.query(
    `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()
        AND (application_name LIKE $1 OR application_name LIKE $2)`,
    [`chaos-${sys.runId}-%`, `outbox-relay-lock:%-${relayPid}`],
  );
  for (const { pid } of backends) add('postgresql backends', pid);
  return groups;
}

/** CPU ms per group between two readings (a session opened in between counts from zero). */
function spent(before: Usage, after: Usage): Map<string, number> {
  const out = new Map<string, number>();
  for (const [group, pids] of after) {
    let ms = 0;
    for (const [pid, now] of pids) ms += now - (before.get(group)?.get(pid) ?? 0);
    out.set(group, ms);
  }
  return out;
}

/** Accepted → visible in article_state, from the projector's own NOTIFY on commit. */
class VisibilityClock {
  readonly lags: number[] = [];
  private readonly pending = new Map<string, Array<{ version: number; at: number }>>();
  private readonly visible = new Map<string, number>();
  private readonly client = new Client({ connectionString: BENCH_DB_URL });

  constructor(private readonly schema: string) {}

  async start() {
    await this.client.connect();
    this.client.on('notification', (n) => {
      const { schema, versions } = JSON.parse(n.payload ?? '{}') as { schema: string; versions: [string, number][] };
      if (schema !== this.schema) return;
      const now = performance.now();
      for (const [id, version] of versions) {
        this.visible.set(id, Math.max(version, this.visible.get(id) ?? 0));
        const waiting = this.pending.get(id);
        if (!waiting) continue;
        while (waiting.length > 0 && waiting[0]!.version <= version) this.lags.push(now - waiting.shift()!.at);
        if (waiting.length === 0) this.pending.delete(id);
      }
    });
    await this.client.query(`LISTEN ${ARTICLE_VERSIONS_CHANNEL}`);
  }

  accepted(id: string, version: number) {
    // Seen before its answer reached the client (the client's event loop was busy): visible at once.
    if ((this.visible.get(id) ?? 0) >= version) return void this.lags.push(0);
    if (!this.pending.has(id)) this.pending.set(id, []);
    this.pending.get(id)!.push({ version, at: performance.now() });
  }

  get waiting(): number {
    let n = 0;
    for (const w of this.pending.values()) n += w.length;
    return n;
  }

  stop = () => this.client.end();
}

async function main() {
  const sys = await ChaosSystem.start(3600);
  const clock = new VisibilityClock(sys.schema);
  try {
    for (const p of SYSTEM_PROCESSES)
      await sys.launch({ ...p, env: { ...p.env, NODE_ENV: 'development', LOG_LEVEL: 'info' } });
    const base = sys.apiBases()[0]!;
    const login = async (email: string) =>
      (await httpJson(base, 'POST', '/api/auth/login', {}, { email, password: 'newsroom' })).body;
    const editorSession = await login('editor@newsroom.test');
    const editor = { authorization: `Bearer ${editorSession.accessToken}` };
    const admin = { authorization: `Bearer ${(await login('admin@newsroom.test')).accessToken}` };
    await clock.start();
    if (PHASES.has('system')) await systemPhase(sys, clock, base, editor, admin);
    if (PHASES.has('long-stream')) {
      const lines = await longStreamPhase({
        base,
        editor,
        editorUser: editorSession.user,
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

async function systemPhase(
  sys: ChaosSystem,
  clock: VisibilityClock,
  base: string,
  editor: Record<string, string>,
  admin: Record<string, string>,
) {
  process.stdout.write(`seeding ${ARTICLES} drafts (800-character bodies)…\n`);
  const articles: BenchArticle[][] = Array.from({ length: CLIENTS }, () => []);
  const queue = Array.from({ length: ARTICLES }, (_, i) => i);
  await Promise.all(
    articles.map(async (mine) => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const res = await httpJson(base, 'POST', '/api/articles', editor, articleCycle.draft(i));
        if (res.status !== 201) throw new Error(`draft refused: ${res.status} ${JSON.stringify(res.body)}`);
        mine.push({ id: res.body.id, version: res.body.version, status: 'draft', step: 0 });
        clock.accepted(res.body.id, res.body.version);
      }
    }),
  );
  await caughtUp(clock, 60_000);
  clock.lags.length = 0;

  const latencies: number[] = [];
  const refused = new Map<number, number>();
  const before = await usage(sys);
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    articles.map(async (mine, c) => {
      for (let n = 0; performance.now() < end; n++) {
        const article = mine[n % mine.length]!;
        const command = articleCycle.next(article, c * 1_000_000 + n);
        const t = performance.now();
        // Every command says which version it was decided on, as the web app does.
        const headers = { ...(command.asAdmin ? admin : editor), 'if-match': `"${article.version}"` };
        const res = await httpJson(base, command.method, command.path, headers, command.body);
        latencies.push(performance.now() - t);
        if (res.status >= 300) {
          refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
          continue;
        }
        articleCycle.accepted(article, command, res.body.version);
        clock.accepted(article.id, res.body.version);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await usage(sys);
  const accepted = latencies.length - [...refused.values()].reduce((a, b) => a + b, 0);
  await caughtUp(clock, 60_000);
  const idleBefore = await usage(sys);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idle = spent(idleBefore, await usage(sys));
  const raw = await rawInserts(10);

  latencies.sort((a, b) => a - b);
  const lags = clock.lags.sort((a, b) => a - b);
  const load = spent(before, after);
  const rate = accepted / seconds;
  const total = [...load.values()].reduce((a, b) => a + b, 0);
  const idleTotal = [...idle.values()].reduce((a, b) => a + b, 0);
  const ms = (n: number, digits = 2) => `${fmt(n, digits)} ms`;
  const core = (cpu: number, over: number) => `${fmt((100 * cpu) / (over * 1000), 1)}% of a core`;
  const refusals = JSON.stringify(Object.fromEntries(refused));
  const lines = [
    '',
    `bench:system: the processes of \`npm start\`, ${CLIENTS} closed-loop clients, ${ARTICLES} articles, ` +
      `${fmt(seconds)} s`,
    `  commands accepted          ${fmt(accepted, 0)} (${fmt(rate)}/s); refused ${refusals}`,
    `  latency                    p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}` +
      `   (target p99 <= 50 ms)`,
    `  accepted -> article_state  p50 ${ms(percentile(lags, 50), 1)}   p99 ${ms(percentile(lags, 99), 1)}` +
      `   (${lags.length} seen; target p99 <= 250 ms)`,
    `  raw insert tx, ${RAW_CLIENTS} clients   ${fmt(raw)}/s   ratio commands/raw ${fmt(rate / raw, 3)}` +
      ` (target >= 0.5)`,
    `  CPU per accepted command   ${ms(total / accepted)} in all (target <= 2 ms):`,
    ...[...load].map(([g, cpu]) => `    ${g.padEnd(42)} ${ms(cpu / accepted).padStart(9)}   ${core(cpu, seconds)}`),
    `  idle over ${IDLE_SECONDS} s             ${core(idleTotal, IDLE_SECONDS)} in all (target <= 2%):`,
    ...[...idle].map(([g, cpu]) => `    ${g.padEnd(42)} ${core(cpu, IDLE_SECONDS)}`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** Waits until every accepted command is visible in article_state (or gives up after `ms`). */
async function caughtUp(clock: VisibilityClock, ms: number) {
  const deadline = Date.now() + ms;
  while (clock.waiting > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (clock.waiting > 0) process.stdout.write(`  (${clock.waiting} accepted commands still not visible)\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
