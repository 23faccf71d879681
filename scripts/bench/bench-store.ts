import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const EMMETT_DIR = join(__dirname, '..', '..', '..', 'scripts', 'bench', 'store-emmett');

interface Result {
  appends: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs `client` from 8 clients for `seconds` after a one-second warm-up; the latencies are of single calls. */
async function closedLoop(seconds: number, client: () => () => Promise<void>): Promise<Result> {
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
  const started = performance.now();
  const appends = await loop(seconds * 1000, latencies);
  latencies.sort((a, b) => a - b);
  return {
    appends,
    seconds: (performance.now() - started) / 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Raw single-row insert transactions, in a schema of their own. */
async function raw(seconds: number): Promise<Result> {
  const schema = 'bench_store_raw';
  const pool = new Pool({ connectionString: BENCH_DB_URL, max: CLIENTS, options: `-c search_path=${schema}` });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.query(
    `CREATE TABLE rows (id bigserial PRIMARY KEY, stream text, data jsonb, at timestamptz DEFAULT now())`,
  );
  const data = JSON.stringify({ body: 'x'.repeat(PAYLOAD_CHARS) });
  try {
    return await closedLoop(seconds, () => async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`INSERT INTO rows (stream, data) VALUES ($1, $2)`, ['s', data]);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    });
  } finally {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  }
}

type Note = { type: 'NoteAdded'; data: { body: string; n: number } };
const notes: Decider<{ body: string }, number, Note> = {
  initialState: 0,
  evolve: (n) => n + 1,
  decide: (command, n) => [{ type: 'NoteAdded', data: { body: command.body, n } }],
};

/** Our write pipeline, as a command handler runs it; with an Idempotency-Key when `keyed`. */
async function ours(seconds: number, keyed: boolean): Promise<Result> {
  const schema = keyed ? 'bench_store_keyed' : 'bench_store';
  const admin = new Pool({ connectionString: BENCH_DB_URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions({ url: BENCH_DB_URL, schema, poolSize: CLIENTS }));
  await ds.initialize();
  await createSchemaIfMissing(ds, schema);
  await ds.runMigrations({ transaction: 'all' });
  const store = new PostgresEventStore(ds);
  const actor = { id: randomUUID(), name: 'Bench', role: 'editor' };
  const command = { body: 'x'.repeat(PAYLOAD_CHARS) };
  try {
    return await closedLoop(seconds, () => {
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
    });
  } finally {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
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
    args[0] = withDatabase(BENCH_DB_URL, database);
    const { stdout } = await promisify(execFile)(process.execPath, [join(EMMETT_DIR, 'append.mjs'), ...args]);
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Result;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

function row(name: string, r: Result, versus: Array<[string, Result]>): string {
  const rate = r.appends / r.seconds;
  const ratios = versus.map(([n, v]) => `${(rate / (v.appends / v.seconds)).toFixed(2)}× ${n}`).join(', ');
  return `${name.padEnd(40)} ${fmt(rate, 0).padStart(7)}/s  p50 ${fmt(r.p50Ms)} ms  p99 ${fmt(r.p99Ms)} ms  ${ratios}`;
}

async function main() {
  console.log(
    `bench:store — ${CLIENTS} clients, ${SECONDS} s each, single-event appends, ${EVENTS_PER_STREAM} per stream`,
  );
  const rawBefore = await raw(SECONDS);
  const em = await emmett(SECONDS);
  const plain = await ours(SECONDS, false);
  const keyed = await ours(SECONDS, true);
  const rawAfter = await raw(SECONDS);
  const rawBoth: Result = {
    appends: rawBefore.appends + rawAfter.appends,
    seconds: rawBefore.seconds + rawAfter.seconds,
    p50Ms: Math.max(rawBefore.p50Ms, rawAfter.p50Ms),
    p99Ms: Math.max(rawBefore.p99Ms, rawAfter.p99Ms),
  };
  const versus: Array<[string, Result]> = [
    ['Emmett', em],
    ['raw', rawBoth],
  ];
  console.log(row('raw BEGIN/INSERT/COMMIT (first)', rawBefore, []));
  console.log(row('raw BEGIN/INSERT/COMMIT (last)', rawAfter, []));
  console.log(row('Emmett 0.42 appendToStream', em, [['raw', rawBoth]]));
  console.log(row('ours: read + append', plain, versus));
  console.log(row('ours: read + append, idempotency key', keyed, versus));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
