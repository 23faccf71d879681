import { DataSource } from 'typeorm';
import { createSchemaIfMissing, dataSourceOptions } from '@newsroom/event-store';
import {
  allMigrations,
  ensureRunnerTables,
  insertSyntheticEvents,
  interleavedStreams,
  readEventPage,
  readModelsNamed,
  rebuildProjections,
  syntheticArticleId,
  syntheticEvent,
  type SyntheticEvent,
} from '@newsroom/read-models';

export const BENCH_SCHEMA = 'bench_rebuild';
const PAGE = 5000;

export interface PhaseResult {
  events: number;
  seconds: number;
  peakRssMb: number;
  detail?: string;
}

export async function benchDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions({ url, schema: BENCH_SCHEMA, migrations: allMigrations, poolSize: 8 }));
  return ds.initialize();
}

export async function dropBenchSchema(url: string): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', url, poolSize: 1 }).initialize();
  await admin.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
  await admin.destroy();
}

/** A fresh schema holding `articles` × `perArticle` events, interleaved as a newsroom writes them. */
export async function generate(
  url: string,
  articles: number,
  perArticle: number,
  onChunk: (n: number) => void,
): Promise<PhaseResult> {
  await dropBenchSchema(url);
  const admin = await new DataSource({ type: 'postgres', url, poolSize: 1 }).initialize();
  await createSchemaIfMissing(admin, BENCH_SCHEMA);
  await admin.destroy();
  const ds = await benchDataSource(url);
  await ds.runMigrations({ transaction: 'all' });
  await ensureRunnerTables(ds);
  const started = Date.now();
  let t = Date.parse('2029-01-01T06:00:00.000Z');
  let chunk: SyntheticEvent[] = [];
  let done = 0;
  for (const [article, version] of interleavedStreams(articles, perArticle, 300)) {
    t += 2000 + (version % 7) * 1000;
    chunk.push(syntheticEvent(syntheticArticleId('be4c4', article), version, new Date(t).toISOString()));
    if (chunk.length === PAGE) {
      await insertSyntheticEvents(ds, chunk);
      onChunk((done += chunk.length));
      chunk = [];
    }
  }
  await insertSyntheticEvents(ds, chunk);
  done += chunk.length;
  await ds.query(`VACUUM ANALYZE events`);
  await ds.destroy();
  return { events: done, seconds: (Date.now() - started) / 1000, peakRssMb: peakRssMb() };
}

/** The ceiling: the replay's own page query and envelope mapping, with nothing applied. */
export async function rawRead(url: string): Promise<PhaseResult> {
  const ds = await benchDataSource(url);
  const started = Date.now();
  let events = 0;
  for (let after = 0; ;) {
    const page = await readEventPage(ds.manager, after, PAGE);
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1].position;
  }
  const seconds = (Date.now() - started) / 1000;
  await ds.destroy();
  return { events, seconds, peakRssMb: peakRssMb() };
}

export async function rebuild(url: string, what: string): Promise<PhaseResult> {
  const ds = await benchDataSource(url);
  const started = Date.now();
  const results = await rebuildProjections(ds, readModelsNamed(what));
  const seconds = (Date.now() - started) / 1000;
  await ds.destroy();
  const same = results.every((r) => r.heldBackArticles === 0);
  return {
    events: results[0].events,
    seconds,
    peakRssMb: peakRssMb(),
    detail: same ? undefined : 'some articles held back',
  };
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
