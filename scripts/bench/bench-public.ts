import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Pool as UndiciPool } from 'undici';
import { dataSourceOptions, MerkleLog } from '@newsroom/event-store';
import {
  allMigrations,
  insertSyntheticEvents,
  interleavedStreams,
  projectionStatuses,
  rebuildProjection,
  syntheticArticleId,
  syntheticEvent,
} from '@newsroom/read-models';
import { SYSTEM_PROCESSES } from '../system-processes';
import { API_APPLICATION_NAME, untilMachineQuiet, watchPhase } from './bench-public.probes';
import { BENCH_DB_URL, fmt, freshSchema, percentile, startApp, stop } from './bench-support';
import { cpuMs } from './system-cpu';

// `npm run bench:public`: 10,000 published stories in the public read model, the whole system
// running as `npm start` lays it out (API, relay, both projectors, each its own process; the load
// comes from this one). Before measuring, the seeded tables are vacuumed and analysed and a checkpoint
// taken, so that neither the seeding's aftermath (autovacuum, a checkpoint, unset hint bits) nor
// missing statistics land in the first phase; the public read model must be caught up; and after
// the warm-up, the system must have settled (30 s from its start, then 10 s of a quiet machine). Then
//  1. the article page and the ninjs document at 200 requests/s (open loop), p50/p99, each beside a
//     raw read of the same rows (one indexed SELECT over a pg pool) at the same rate, the two
//     alternating second by second so that both meet the same machine; every measured request is
//     for a story not read before (the render cache never hits: the worst case, not a typical one);
//  2. feed polls with If-None-Match (304) as fast as 16 clients go, beside the raw stamp query.
// Each phase also says what the API's event loop, GC and database pool did and how long the API
// waited for a CPU (see bench-public.probes.ts): on a shared machine, the tail is often that.

const PORT = 3198;
const STORIES = Number(process.env.BENCH_STORIES ?? 10_000);
/** A synthetic story is first published at version 13, corrected at 14 and updated (minor) at 16. */
const EVENTS_PER_STORY = 16;
const RATE = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
// undici's pool, not node:http: a load generator allocating less collects less, and its own
// scavenges (13 to 35 ms on this kind of machine with node:http, most of them in the seconds it sent
// to the API, since that is when it allocated) were timed as the API's latency.
const client = new UndiciPool(`http://127.0.0.1:${PORT}`, { connections: 64 });

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; etag?: string }> {
  const res = await client.request({ method: 'GET', path, headers });
  await res.body.dump();
  const etag = res.headers.etag;
  return { status: res.statusCode, etag: typeof etag === 'string' ? etag : undefined };
}

/** Waited on, never written: Atomics.wait on it sleeps this thread for a fraction of a millisecond. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

type Op = (i: number) => Promise<boolean>;
type Measured = { p50: number; p99: number; failures: number; n: number };

/** Why requests failed, counted by reason (a status or an error's code), so a failure is never just a number. */
const failureReasons = new Map<string, number>();
const failed = (reason: string) => failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);

/**
 * Fires the ops at `rate` per second on a fixed schedule, each op for `seconds` in turns of one
 * second (A, B, A, B…), so that each meets the same machine; latency runs from the intended send
 * time (no coordinated omission). The i-th call of every op gets the same i.
 */
async function openLoop(ops: Op[], rate = RATE, seconds = SECONDS): Promise<Measured[]> {
  const runs = ops.map(() => ({ latencies: [] as number[], failures: 0, calls: 0 }));
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < rate * seconds * ops.length; n++) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait - 1));
    // A timer may fire up to a millisecond early (libuv's clock is whole ms): a raw read sent then
    // finished "before it was due", a negative latency. The rest is slept, not spun: spinning on
    // setImmediate cost this process up to a millisecond of CPU per request, taken from the two
    // cores the system under test runs on. An answer arriving meanwhile is timed up to that much
    // late, for the API and the raw reads alike.
    const rest = due - performance.now();
    if (rest > 0) Atomics.wait(sleeper, 0, 0, rest);
    const k = Math.floor(n / rate) % ops.length;
    const run = runs[k];
    pending.push(
      ops[k](run.calls++).then(
        (ok) => {
          run.latencies.push(performance.now() - due);
          if (!ok) run.failures++;
        },
        () => void run.failures++,
      ),
    );
  }
  await Promise.all(pending);
  return runs.map(({ latencies, failures }) => {
    latencies.sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures, n: latencies.length };
  });
}

/** `clients` loops as fast as they go for `seconds`; operations per second. */
async function closedLoop(op: () => Promise<boolean>, clients = 16, seconds = 5) {
  let done = 0;
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        if (await op()) done++;
        else failures++;
      }
    }),
  );
  return { perSecond: done / seconds, failures };
}

/** The API's op beside the raw one, alternating; the API's CPU per request and what the probes saw. */
async function measure(api: ChildProcess, pool: Pool, apiOp: Op, rawOp: Op) {
  const watch = await watchPhase(api.pid!, `http://127.0.0.1:${PORT}`, pool);
  const before = cpuMs(api.pid!);
  const [measured, raw] = await openLoop([apiOp, rawOp]);
  // The API's CPU over the raw turns too: idle, a few ms a second.
  const cpuPerRequest = (cpuMs(api.pid!) - before) / measured.n;
  return { measured: { ...measured, cpuPerRequest }, raw, seen: await watch.end() };
}

async function waitUntilLive(api: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await get('/health/live').catch(() => ({ status: 0 }))).status !== 200) {
    // An API that exited (its port taken, say) must not let the bench measure someone else's.
    if (Date.now() > deadline || api.exitCode !== null) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function existingSchema(schema: string): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions({ url: BENCH_DB_URL, schema, migrations: allMigrations, poolSize: 10 }));
  return ds.initialize();
}

/**
 * The measuring conditions: what seeding leaves behind (dead and unfrozen rows, no statistics, dirty
 * buffers, a backlog of autovacuum work) is dealt with now instead of during the first phase, and the
 * public read model is caught up with the event store. Returns what was done, for the report.
 */
async function settle(ds: DataSource): Promise<string> {
  const tables = ['events', 'public_articles', 'public_article_slugs', 'merkle_leaves', 'transparency_queue'];
  for (const table of tables) await ds.query(`VACUUM (ANALYZE) ${table}`);
  const checkpoint = await ds.query('CHECKPOINT').then(
    () => 'checkpoint taken',
    (err: Error) => `no checkpoint (${err.message})`,
  );
  const lag = (await projectionStatuses(ds)).find((s) => s.name === 'public_articles')?.lagEvents;
  if (lag !== 0) throw new Error(`the public read model is ${lag} events behind the event store`);
  return `${tables.join(', ')} vacuumed and analysed, ${checkpoint}, public read model caught up`;
}

async function seed(ds: DataSource) {
  // The run id is hex: a synthetic id must be a UUID. Published a month ago, so the embargo lock
  // (visible from the publication) lets them all through.
  let t = Date.now() - 30 * 86_400_000;
  let batch = [];
  for (const [n, version] of interleavedStreams(STORIES, EVENTS_PER_STORY, Math.min(STORIES, 50))) {
    batch.push(syntheticEvent(syntheticArticleId('c0de', n), version, new Date((t += 10)).toISOString()));
    if (batch.length === 2000) {
      await insertSyntheticEvents(ds, batch);
      batch = [];
    }
  }
  await insertSyntheticEvents(ds, batch);
  const rebuilt = await rebuildProjection(ds, 'public_articles');
  if (process.env.BENCH_DEBUG) process.stdout.write(`${JSON.stringify(rebuilt)}\n`);
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM public_articles WHERE status = 'live'`);
  return { rebuiltSeconds: rebuilt.seconds, live: n as number };
}

/**
 * Appends the seeded events to the transparency log before measuring. They were bulk-loaded in a
 * minute, bypassing the write path; a live system's sequencer keeps pace with its writes, while
 * here the API's would spend the whole run on a 160,000-event backlog in the event loop it answers
 * readers from (a run without this ended with 26,000 still queued).
 */
async function sequenceTransparencyLog(ds: DataSource): Promise<number> {
  const log = new MerkleLog(ds);
  let total = 0;
  for (let n = await log.sequence(); n > 0; n = await log.sequence()) total += n;
  return total;
}

const line = (what: string, m: Measured & { cpuPerRequest: number }, raw: Measured) =>
  `${what.padEnd(28)} p50 ${fmt(m.p50, 2).padStart(6)} ms  p99 ${fmt(m.p99, 2).padStart(6)} ms   raw row read p50 ` +
  `${fmt(raw.p50, 2)} ms p99 ${fmt(raw.p99, 2)} ms   p99 ratio ${fmt(m.p99 / raw.p99, 1)}x   ` +
  `API CPU ${fmt(m.cpuPerRequest, 2)} ms/request   failures ${m.failures}`;

async function main() {
  const schema = 'bench_public';
  // BENCH_REUSE=1 measures again on the stories the last run seeded (seeding takes minutes).
  const ds = process.env.BENCH_REUSE ? await existingSchema(schema) : await freshSchema(schema);
  if (!process.env.BENCH_REUSE) {
    process.stdout.write(
      `seeding ${fmt(STORIES, 0)} published stories (${fmt(STORIES * EVENTS_PER_STORY, 0)} events)…\n`,
    );
    const seeded = await seed(ds);
    process.stdout.write(`public_articles rebuilt in ${fmt(seeded.rebuiltSeconds)} s: ${fmt(seeded.live, 0)} live\n`);
  }
  const sequenced = await sequenceTransparencyLog(ds);
  if (sequenced > 0) process.stdout.write(`transparency log: ${fmt(sequenced, 0)} seeded events sequenced\n`);
  const settled = await settle(ds);
  process.stdout.write(`before measuring: ${settled}\n`);
  const [{ live }] = await ds.query(`SELECT count(*)::int AS live FROM public_articles WHERE status = 'live'`);
  const rows: Array<{ article_id: string; slug: string }> = await ds.query(
    `SELECT article_id, slug FROM public_articles ORDER BY article_id`,
  );
  const shared = {
    DATABASE_URL: BENCH_DB_URL,
    DATABASE_SCHEMA: schema,
    NODE_ENV: 'test',
    // `npm start`'s level, so the API writes the access log it writes there (to nowhere: stdout is ignored).
    LOG_LEVEL: 'info',
    // Topics of the bench's own on the shared broker: the relay and projectors idle beside the API.
    KAFKA_TOPIC_PREFIX: 'bench-public.',
    RELAY_METRICS_PORT: '0',
    PROJECTOR_METRICS_PORT: '0',
  };
  const startedAt = performance.now();
  const others = new Map<string, ChildProcess>();
  for (const p of SYSTEM_PROCESSES.filter((s) => s.app !== 'editorial-api'))
    others.set(p.name, await startApp(p.app, { ...shared, ...p.env, PROJECTOR_METRICS_PORT: '0' }));
  const api = await startApp('editorial-api', {
    ...shared,
    PORT: String(PORT),
    SEED_DEMO_USERS: 'false',
    DATABASE_POOL_SIZE: '20',
    PUBLIC_RATE_LIMIT_PER_S: '1000000',
    // Names its connections in pg_stat_activity, for the probes.
    PGAPPNAME: API_APPLICATION_NAME,
  });
  // The raw reads' pool: pg's, as the API's (the same size; past 4, connections close after 10 s idle), without
  // TypeORM's cost in the load generator. The warm-up below opens what it needs.
  const pool = new Pool({ connectionString: BENCH_DB_URL, options: `-c search_path=${schema}`, max: 20, min: 4 });
  try {
    // A loaded machine can take longer than the shared helper's 30 s to start an API.
    await waitUntilLive(api, 120_000);
    // 7919 is prime to the story count: the i-th request of a phase is for a story of its own.
    const pick = (i: number) => rows[(i * 7919) % rows.length]!;
    const ok = async (path: string) => {
      const { status } = await get(path).catch((err: NodeJS.ErrnoException) => {
        failed(`${path.split('/')[1]}: ${err.code ?? err.message}`);
        throw err;
      });
      if (status !== 200) failed(`${path.split('/')[1]}: HTTP ${status}`);
      return status === 200;
    };
    const page = (i: number) => ok(`/news/${pick(i).slug}`);
    const ninjs = (i: number) => ok(`/api/public/articles/${pick(i).article_id}.ninjs.json`);
    const raw = async (i: number) =>
      (
        await pool.query(`SELECT row FROM public_articles WHERE article_id = $1 AND visible_from <= now()`, [
          pick(i).article_id,
        ])
      ).rowCount === 1;
    // Warm every measured path (JIT, pools, page cache) on stories the phases do not ask for, 16 at a
    // time: one at a time left the API's pool at one connection, so the first phase paid for opening
    // the rest (5 or 6 connections opened in the page phase, none in the ninjs phase after it). Once
    // before the settling wait (the JIT's work belongs to the start) and again right after it: the
    // wait is longer than the pools' idle timeout, and a first phase that opens connections again
    // measures that (6 opened in one run).
    const measured = RATE * SECONDS;
    const warm = async () => {
      for (let i = measured; i < measured + 320; i += 16) {
        for (const op of [page, ninjs, raw]) await Promise.all(Array.from({ length: 16 }, (_, k) => op(i + k)));
      }
    };
    await warm();
    const quiet = await untilMachineQuiet({ startedAt });
    process.stdout.write(`before measuring: ${quiet}\n`);
    await warm();
    const pagePhase = await measure(api, pool, page, raw);
    const ninjsPhase = await measure(api, pool, ninjs, raw);
    const { etag } = await get('/feeds/atom.xml');
    const feed = await closedLoop(
      async () => (await get('/feeds/atom.xml', { 'if-none-match': etag! })).status === 304,
    );
    const stamp = await closedLoop(async () => {
      await ds.query(
        `SELECT count(*)::int, sum(version), max(feed_at), max(changed_at)
         FROM public_articles WHERE visible_from <= now()`,
      );
      return true;
    });
    const full = await closedLoop(async () => (await get('/feeds/atom.xml')).status === 200, 4, 3);

    process.stdout.write(
      [
        '',
        `bench:public, ${fmt(live, 0)} published stories, ${RATE} requests/s for ${SECONDS} s each (open loop), ` +
          `every request for a story not read before; raw reads in alternate seconds`,
        line('article page GET /news/:slug', pagePhase.measured, pagePhase.raw),
        `  in it: ${pagePhase.seen}`,
        line('ninjs GET …/:id.ninjs.json', ninjsPhase.measured, ninjsPhase.raw),
        `  in it: ${ninjsPhase.seen}`,
        `feed 304 (If-None-Match)      ${fmt(feed.perSecond, 0)} requests/s (16 clients)   raw stamp query ` +
          `${fmt(stamp.perSecond, 0)} queries/s   ratio ${fmt(feed.perSecond / stamp.perSecond, 2)}   ` +
          `failures ${feed.failures}`,
        `feed 200 (built, 50 entries)  ${fmt(full.perSecond, 0)} requests/s (4 clients), for comparison`,
        `target: p99 <= 10 ms for the page and ninjs: ${
          pagePhase.measured.p99 <= 10 && ninjsPhase.measured.p99 <= 10 ? 'met' : 'NOT met'
        }`,
        ...[...failureReasons].map(([reason, n]) => `failed: ${n} x ${reason}`),
        ...[...others].filter(([, c]) => c.exitCode !== null).map(([name]) => `WARNING: ${name} exited during the run`),
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all([api, ...others.values()].map(stop));
    await pool.end();
    await client.close();
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
