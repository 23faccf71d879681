import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  createSchemaIfMissing,
  dataSourceOptions,
  Decider,
  handleCommand,
  PostgresEventStore,
  requestHash,
} from '@newsroom/event-store';
import { BENCH_DB_URL, fmt, percentile } from './bench-support';

/**
 * bench:store — the event store alone, no HTTP: single-event appends from 8 clients through our write
 * pipeline (read the stream, decide, append one event with its hash chain and outbox row), beside
 * Emmett 0.42's appendToStream and raw single-row BEGIN/INSERT/COMMIT, in one run on the same
 * PostgreSQL, each in a fresh schema or database of its own. Compare the ratios, not the times.
 */
const CLIENTS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Each client moves to a new stream after this many events, as commands spread over articles. */
const EVENTS_PER_STREAM = 10;
const PAYLOAD_CHARS = 200;
// Beside this file in the sources; from the compiled bench in dist/scripts/bench, back in the sources.
const EMMETT_DIR = [
  join(__dirname, 'store-emmett'),
  join(__dirname, '..', '..', '..', 'scripts', 'bench', 'store-emmett'),
].find((dir) => existsSync(join(dir, 'package.json')))!;

interface Result {
  appends: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the appending process and of the PostgreSQL backends serving it, per append. */
  cpuMsPerAppend: number;
}

/** CPU ms so far of the PostgreSQL backends named `app` (their pools' connections), from /proc. */
async function backendCpuMs(pool: Pool, app: string): Promise<Map<number, number>> {
  const { rows } = await pool.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 13) cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return cpu;
}

/** Process and backend CPU from now until the returned function is called, in ms. */
async function cpuMeter(pool: Pool, app: string): Promise<() => Promise<number>> {
  const [process0, backends0] = [process.cpuUsage(), await backendCpuMs(pool, app)];
  return async () => {
    const own = process.cpuUsage(process0);
    let backends = 0;
    for (const [pid, ms] of await backendCpuMs(pool, app)) backends += ms - (backends0.get(pid) ?? 0);
    return (own.user + own.system) / 1000 + backends;
  };
}

/**
 * Runs `client` from 8 clients for `seconds` after a one-second warm-up; the latencies are of single
 * calls, the CPU that of this process and of the backends named `app`, read through `admin`.
 */
async function closedLoop(
  seconds: number,
  client: () => () => Promise<void>,
  admin: Pool,
  app: string,
): Promise<Result> {
  const loop = async (ms: number, latencies?: number[]) => {
    const deadline = performance.now() + ms;
    let appends = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const next = client();
        while (performance.now() < deadline) {
          const t = performance.now();
          await next();
          latencies?.push(performance.now() - t);
          appends++;
        }
      }),
    );
    return appends;
  };
  await loop(1000);
  const latencies: number[] = [];
  const cpu = await cpuMeter(admin, app);
  const started = performance.now();
  const appends = await loop(seconds * 1000, latencies);
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = await cpu();
  latencies.sort((a, b) => a - b);
  return {
    appends,
    seconds: elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerAppend: cpuMs / appends,
  };
}

/** `url` on another database, its connections named `app` in pg_stat_activity. */
function withDatabase(url: string, database: string, app: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  u.searchParams.set('application_name', app);
  return u.toString();
}

/** Raw single-row insert transactions, in a schema of their own. */
async function raw(seconds: number): Promise<Result> {
  const schema = 'bench_store_raw';
  const app = 'bench-store-raw';
  const pool = new Pool({
    connectionString: BENCH_DB_URL,
    max: CLIENTS,
    options: `-c search_path=${schema}`,
    application_name: app,
  });
  const admin = new Pool({ connectionString: BENCH_DB_URL, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.query(
    `CREATE TABLE rows (id bigserial PRIMARY KEY, stream text, data jsonb, at timestamptz DEFAULT now())`,
  );
  const data = JSON.stringify({ body: 'x'.repeat(PAYLOAD_CHARS) });
  try {
    const insert = async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`INSERT INTO rows (stream, data) VALUES ($1, $2)`, ['s', data]);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    };
    return await closedLoop(seconds, () => insert, admin, app);
  } finally {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
    await admin.end();
  }
}

type Note = { type: 'NoteAdded'; data: { body: string; n: number } };
const notes: Decider<{ body: string }, number, Note> = {
  initialState: 0,
  evolve: (n) => n + 1,
  decide: (command, n) => [{ type: 'NoteAdded', data: { body: command.body, n } }],
};

/** Our write pipeline, as a command handler runs it; with an Idempotency-Key when `keyed`. */
async function ours(seconds: number, keyed: boolean, groupCommit = true): Promise<Result> {
  const schema = `bench_store${keyed ? '_keyed' : ''}${groupCommit ? '' : '_alone'}`;
  const applicationName = `bench-store-${schema}`;
  const admin = new Pool({ connectionString: BENCH_DB_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const ds = new DataSource(dataSourceOptions({ url: BENCH_DB_URL, schema, poolSize: CLIENTS, applicationName }));
  await ds.initialize();
  await createSchemaIfMissing(ds, schema);
  await ds.runMigrations({ transaction: 'all' });
  const store = new PostgresEventStore(ds, undefined, { groupCommit });
  const actor = { id: randomUUID(), name: 'Bench', role: 'editor' };
  const command = { body: 'x'.repeat(PAYLOAD_CHARS) };
  try {
    const client = () => {
      let streamId = `bench-${randomUUID()}`;
      let version = 0;
      return async () => {
        const id = randomUUID();
        const metadata = { actor, commandId: id, correlationId: id, causationId: id };
        const idempotency = keyed
          ? { actorId: actor.id, key: id, requestHash: requestHash(`POST /${streamId}`, command) }
          : undefined;
        const env = { streamId, command, metadata, now: new Date().toISOString(), idempotency };
        const { answer } = await handleCommand(store, notes, env, (o) => o.version);
        version = answer;
        if (version >= EVENTS_PER_STREAM) {
          streamId = `bench-${randomUUID()}`;
          version = 0;
        }
      };
    };
    return await closedLoop(seconds, client, admin, applicationName);
  } finally {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
    await admin.end();
  }
}

/** Emmett in a process and package of its own (see store-emmett/package.json), in a fresh database. */
async function emmett(seconds: number): Promise<Result> {
  if (!existsSync(join(EMMETT_DIR, 'node_modules', '@event-driven-io', 'emmett-postgresql'))) {
    console.log('Installing Emmett for the comparison (npm ci in scripts/bench/store-emmett)…');
    const ci = spawnSync('npm', ['ci', '--prefix', EMMETT_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (ci.status !== 0) throw new Error('npm ci in scripts/bench/store-emmett failed');
  }
  const database = 'bench_store_emmett';
  const admin = new Pool({ connectionString: BENCH_DB_URL, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    const args = [BENCH_DB_URL, CLIENTS, seconds, EVENTS_PER_STREAM, PAYLOAD_CHARS].map(String);
    args[0] = withDatabase(BENCH_DB_URL, database, 'bench-store-emmett');
    const { stdout } = await promisify(execFile)(process.execPath, [join(EMMETT_DIR, 'append.mjs'), ...args]);
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Result;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

/** Throughput as a ratio to another's (higher is better), and CPU per append as a ratio to its (lower is better). */
function row(name: string, r: Result, versus: Array<[string, Result]>): string {
  const rate = r.appends / r.seconds;
  const ratios = versus
    .map(([n, v]) => {
      const cpu = (r.cpuMsPerAppend / v.cpuMsPerAppend).toFixed(2);
      return `${(rate / (v.appends / v.seconds)).toFixed(2)}× ${n} (CPU ${cpu}×)`;
    })
    .join(', ');
  const latency = `p50 ${fmt(r.p50Ms)} ms  p99 ${fmt(r.p99Ms)} ms  CPU ${fmt(r.cpuMsPerAppend, 2)} ms/append`;
  return `${name.padEnd(38)} ${fmt(rate, 0).padStart(6)}/s  ${latency}  ${ratios}`;
}

async function main() {
  console.log(
    `bench:store — ${CLIENTS} clients, ${SECONDS} s each, single-event appends, ${EVENTS_PER_STREAM} per stream`,
  );
  const rawBefore = await raw(SECONDS);
  const em = await emmett(SECONDS);
  const alone = await ours(SECONDS, false, false);
  const plain = await ours(SECONDS, false);
  const keyed = await ours(SECONDS, true);
  const rawAfter = await raw(SECONDS);
  const rawBoth: Result = {
    appends: rawBefore.appends + rawAfter.appends,
    seconds: rawBefore.seconds + rawAfter.seconds,
    p50Ms: Math.max(rawBefore.p50Ms, rawAfter.p50Ms),
    p99Ms: Math.max(rawBefore.p99Ms, rawAfter.p99Ms),
    cpuMsPerAppend: (rawBefore.cpuMsPerAppend + rawAfter.cpuMsPerAppend) / 2,
  };
  const versus: Array<[string, Result]> = [
    ['Emmett', em],
    ['raw', rawBoth],
  ];
  console.log(row('raw BEGIN/INSERT/COMMIT (first)', rawBefore, []));
  console.log(row('raw BEGIN/INSERT/COMMIT (last)', rawAfter, []));
  console.log(row('Emmett 0.42 appendToStream', em, [['raw', rawBoth]]));
  console.log(row('ours, group commit off: read + append', alone, versus));
  console.log(row('ours: read + append', plain, versus));
  console.log(row('ours: read + append, idempotency key', keyed, versus));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
