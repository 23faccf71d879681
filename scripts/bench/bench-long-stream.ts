import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { articleStreamId, type ArticleEvent } from '@newsroom/editorial-domain';
import { PostgresEventStore } from '@newsroom/event-store';
import { fmt, httpJson, percentile } from './bench-support';
import { articleCycle } from './system-workload';

const EVENTS = Number(process.env.BENCH_LONG_EVENTS ?? 10_000);
const BATCH = 100;
const ROUNDS = Number(process.env.BENCH_LONG_ROUNDS ?? 100);
const READS = 50;

export interface LongStreamRun {
  base: string;
  /** Headers of the signed-in editor, and who that is, for the seeded events' metadata. */
  editor: Record<string, string>;
  editorUser: { id: string; name: string };
  db: DataSource;
  /** Resolves once article_state shows the article at `version`. */
  visible(id: string, version: number): Promise<void>;
}

/**
 * The long-stream phase: one article with EVENTS events (a draft through the API, then revisions of
 * about 800 characters appended straight to the event store in batches, each at its own instant,
 * so that `asOf` has a middle), beside a new article in the same run. Measures a revision's latency
 * on both, alternating, and `versions/n` and `asOf` in the middle of the long one. The first request
 * of each kind is shown apart: it folds from the first event, as every request did before the state
 * cache and the snapshots, and is this run's raw baseline.
 */
export async function longStreamPhase(run: LongStreamRun): Promise<string[]> {
  const { base, editor } = run;
  const draft = async (n: number) => {
    const res = await httpJson(base, 'POST', '/api/articles', editor, articleCycle.draft(n));
    if (res.status !== 201) throw new Error(`draft refused: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, version: res.body.version as number };
  };
  const long = await draft(900_001);
  const fresh = await draft(900_002);

  process.stdout.write(`seeding one article with ${fmt(EVENTS, 0)} events…\n`);
  const seeded = performance.now();
  const instants = await seed(run, long.id, EVENTS - 1);
  long.version = EVENTS;
  await run.visible(long.id, long.version);
  const seedSeconds = (performance.now() - seeded) / 1000;

  const revise = async (a: { id: string; version: number }, n: number) => {
    const command = articleCycle.next({ ...a, status: 'draft', step: 0 }, n);
    const t = performance.now();
    const res = await httpJson(
      base,
      command.method,
      command.path,
      { ...editor, 'if-match': `"${a.version}"` },
      command.body,
    );
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`revision refused: ${res.status} ${JSON.stringify(res.body)}`);
    a.version = res.body.version;
    return ms;
  };
  const firstLong = await revise(long, 0);
  const firstFresh = await revise(fresh, 0);
  const onLong: number[] = [];
  const onFresh: number[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    // Alternating, so that both see the same noise from the rest of the machine.
    const [first, second] = i % 2 ? [long, fresh] : [fresh, long];
    const [a, b] = [await revise(first, i), await revise(second, i)];
    onLong.push(first === long ? a : b);
    onFresh.push(first === long ? b : a);
  }

  const middle = Math.floor(EVENTS / 2);
  const asOf = instants[Math.floor(instants.length / 2)]!;
  const get = async (path: string) => {
    const t = performance.now();
    const res = await httpJson(base, 'GET', path, editor);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return performance.now() - t;
  };
  const reads = async (path: string) => {
    // Snapshots are derived: emptying them makes the first read fold from the first event again.
    await run.db
      .query(`DELETE FROM article_snapshots WHERE stream_id = $1`, [articleStreamId(long.id)])
      .catch(() => undefined); // a build without snapshots has no such table
    const first = await get(path);
    const again: number[] = [];
    for (let i = 0; i < READS; i++) again.push(await get(path));
    return {
      first,
      p50: percentile(
        again.sort((a, b) => a - b),
        50,
      ),
    };
  };
  // The floor under any read: the current article from its read model (one row), in the same run.
  const floor: number[] = [];
  for (let i = 0; i < READS; i++) floor.push(await get(`/api/articles/${long.id}`));
  floor.sort((a, b) => a - b);
  const version = await reads(`/api/articles/${long.id}/versions/${middle}`);
  const instant = await reads(`/api/articles/${long.id}?asOf=${encodeURIComponent(asOf)}`);

  onLong.sort((a, b) => a - b);
  onFresh.sort((a, b) => a - b);
  const ms = (n: number) => `${fmt(n, 1)} ms`;
  const p50Long = percentile(onLong, 50);
  const p50Fresh = percentile(onFresh, 50);
  return [
    `  long stream: one article of ${fmt(EVENTS, 0)} events (seeded and projected in ${fmt(seedSeconds, 1)} s)`,
    `    revision, ${ROUNDS} each   long p50 ${ms(p50Long)} p99 ${ms(percentile(onLong, 99))}` +
      `   new p50 ${ms(p50Fresh)} p99 ${ms(percentile(onFresh, 99))}` +
      `   ratio ${fmt(p50Long / p50Fresh, 2)} (target <= 1.5)`,
    `      first revision (folds the whole stream: the raw baseline)   long ${ms(firstLong)}` +
      `   new ${ms(firstFresh)}`,
    `    versions/${middle}        p50 ${ms(version.p50)} (target <= 20 ms);` +
      ` first, from the first event ${ms(version.first)}`,
    `    asOf the middle        p50 ${ms(instant.p50)} (target <= 20 ms);` +
      ` first, from the first event ${ms(instant.first)}`,
    `    the read model's GET   p50 ${ms(percentile(floor, 50))} (one row: the floor for any read in this run)`,
  ];
}

/**
 * Appends `count` revisions after the draft, BATCH to a statement, through the event store's own
 * append (hash chain, outbox rows), so the relay and the projectors see them as any others.
 * Answers each batch's instant.
 */
async function seed(run: LongStreamRun, articleId: string, count: number): Promise<string[]> {
  const store = new PostgresEventStore(run.db);
  const streamId = articleStreamId(articleId);
  let head = (await store.readStream(streamId)).at(-1)!;
  // A millisecond apart from the draft on: `asOf` takes the events up to an instant, so no seeded
  // event may come before the draft, nor after the revisions the phase then sends.
  const drafted = Date.parse(head.occurredAt);
  const actor = { id: run.editorUser.id, name: run.editorUser.name, role: 'editor' };
  const batches = Math.ceil(count / BATCH);
  const instants: string[] = [];
  for (let b = 0; b < batches; b++) {
    const events: ArticleEvent[] = [];
    for (let i = b * BATCH; i < Math.min(count, (b + 1) * BATCH); i++) {
      const { body } = articleCycle.next({ id: articleId, version: 0, status: 'draft', step: 0 }, i).body as {
        body: unknown;
      };
      events.push({ type: 'ArticleRevised', data: { changes: { standfirst: `Update ${i}`, body } } } as ArticleEvent);
    }
    const at = new Date(drafted + b + 1).toISOString();
    const commandId = randomUUID();
    const metadata = { actor, commandId, correlationId: commandId, causationId: commandId };
    head = (await store.append(streamId, head, events, metadata, at)).at(-1)!;
    instants.push(at);
  }
  return instants;
}
