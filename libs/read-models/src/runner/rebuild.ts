import type { DataSource, EntityManager } from 'typeorm';
import { applyItems } from './apply-events';
import {
  countSourceEvents,
  readEventPage,
  storedHistory,
  storedItems,
  type OpenEvents,
  type StreamHistory,
} from './event-source';
import { READ_MODELS, isReadModelName, rebuildTables, type Projection, type ReadModelName } from './projection';
import { recordRebuild, setStatus, type RebuildStatus } from '../tables/projection-status.table';
import { PROJECTIONS } from './read-model.writers';
import { describeError, UnknownReadModel } from './runner.errors';
import { ensureRunnerTables } from './runner-tables';
import { holdRebuildLocks } from './rebuild-locks';
import { switchOver, type RebuildResult } from './switch-over';
import { createRebuildTables, dropRebuildTables, indexRebuildTables } from './table-swap';
import type { StreamEvent, StreamSource } from './stream-source';

export type { RebuildResult } from './switch-over';

export interface RebuildProgress {
  phase: 'replay' | 'switch' | 'done';
  /** Events replayed so far, and roughly how many there are (the count when the replay began). */
  events: number;
  total: number;
}

export interface RebuildOptions {
  onProgress?: (p: RebuildProgress) => void;
  /** Called once the rebuild holds its read models' locks: from then on it runs (or fails) on its own. */
  onStarted?: () => void;
  /** Events per page (and per transaction) of the replay; by default about 8,000 events in flight in all. */
  pageSize?: number;
  /**
   * What the replay does to each page read from the store before applying it: decrypting its
   * encrypted fields (issue #12, `(events) => codec.decrypt(events)`); a page that cannot be opened
   * fails the rebuild. By default the events as stored.
   */
  openEvents?: OpenEvents;
  /**
   * Where a stream's history is read again when a redaction rewrites it (issue #12): the projector
   * passes `openedHistory(codec)`, which also drops the destroyed keys from its cache. By default
   * the store's events opened with `openEvents`.
   */
  history?: StreamHistory;
}

/** `all` or one read model name; throws UnknownReadModel otherwise. */
export function readModelsNamed(arg: string): ReadModelName[] {
  if (arg === 'all') return [...READ_MODELS];
  if (isReadModelName(arg)) return [arg];
  throw new UnknownReadModel(arg);
}

/** Rebuilds one read model from the event store while the live one keeps serving; see rebuildProjections. */
export async function rebuildProjection(
  ds: DataSource,
  name: ReadModelName,
  opts: RebuildOptions = {},
): Promise<RebuildResult> {
  const [result] = await rebuildProjections(ds, [name], opts);
  return result;
}

/**
 * Replays the event store, in one pass, through the same apply step as the live consumers into
 * `<table>__rebuild` twins, then switches each read model in one transaction. Throws
 * RebuildInProgress if another rebuild of one of them is running.
 */
export async function rebuildProjections(
  ds: DataSource,
  names: readonly ReadModelName[],
  opts: RebuildOptions = {},
): Promise<RebuildResult[]> {
  const started = Date.now();
  const unknown = names.find((n) => !isReadModelName(n));
  if (unknown !== undefined || names.length === 0) throw new UnknownReadModel(String(unknown));
  const projections = [...new Set(names)].map((n) => PROJECTIONS[n]);
  const pageSize = opts.pageSize ?? Math.min(5000, Math.floor(8000 / projections.length));
  const openEvents: OpenEvents = opts.openEvents ?? (async (events) => events);
  const history = opts.history ?? storedHistory(openEvents);
  await ensureRunnerTables(ds);
  const release = await holdRebuildLocks(
    ds,
    projections.map((p) => p.name),
  );
  const startedAt = new Date(started).toISOString();
  const rebuilt = projections.map((p) => p.name);
  // The status rows carry the progress for whoever asks; during the replay at most once a second.
  let recordedAt = 0;
  let last = { events: 0, total: 0 };
  const record = async (s: Omit<RebuildStatus, 'startedAt' | 'updatedAt'>, results?: RebuildResult[]) => {
    recordedAt = Date.now();
    if (s.state !== 'failed') last = { events: s.events, total: s.total };
    const updatedAt = new Date(recordedAt).toISOString();
    await recordRebuild(ds, rebuilt, (name) => ({
      ...s,
      startedAt,
      updatedAt,
      ...(results ? { result: { ...results.find((r) => r.name === name) } } : {}),
    }));
  };
  try {
    opts.onStarted?.();
    await record({ state: 'replay', events: 0, total: 0 });
    for (const p of projections) {
      await setStatus(ds, p.name, 'rebuilding');
      await createRebuildTables(ds, p);
    }
    // One pass per aggregate: the read models of one aggregate share its pages.
    const sources = [...new Set(projections.map((p) => p.source))];
    let total = 0;
    for (const source of sources) total += await countSourceEvents(ds.manager, source);
    await record({ state: 'replay', events: 0, total });
    const held = new Map(projections.map((p) => [p.name, new Set<string>()]));
    let replayed = 0;
    for (const source of sources) {
      const group = projections.filter((p) => p.source === source);
      // 1. Replay in global order, page by page, until a page comes back empty: that last stretch is
      //    the catch-up with what was appended meanwhile. The next page is read while this one applies.
      let next = prefetch(ds, source, 0, pageSize, openEvents);
      for (;;) {
        const page = await next;
        if (page.length === 0) break;
        next = prefetch(ds, source, page[page.length - 1].position, pageSize, openEvents);
        // Read models are independent: each page goes to each in a transaction of its own, in parallel.
        await Promise.all(
          group.map((p) =>
            ds.transaction(async (m) => {
              // Nobody reads the twins before the switch, whose own commit is synchronous.
              await m.query(`SET LOCAL synchronous_commit = off`);
              await replayInto(m, p, page, held.get(p.name)!, history);
            }),
          ),
        );
        replayed += page.length;
        opts.onProgress?.({ phase: 'replay', events: replayed, total: Math.max(total, replayed) });
        if (Date.now() - recordedAt >= 1000)
          await record({ state: 'replay', events: replayed, total: Math.max(total, replayed) });
      }
    }
    // 2. Index, then switch, read model by read model (see switchOver).
    const results: RebuildResult[] = [];
    await record({ state: 'switch', events: replayed, total: Math.max(total, replayed) });
    for (const p of projections) {
      opts.onProgress?.({ phase: 'switch', events: replayed, total: Math.max(total, replayed) });
      await indexRebuildTables(ds, p);
      results.push(await switchOver(ds, p, replayed, started, openEvents, history));
    }
    opts.onProgress?.({ phase: 'done', events: replayed, total: Math.max(total, replayed) });
    const finishedAt = new Date().toISOString();
    await record({ state: 'done', events: replayed, total: Math.max(total, replayed), finishedAt }, results);
    return results;
  } catch (err) {
    const finishedAt = new Date().toISOString();
    await record({ state: 'failed', ...last, finishedAt, error: describeError(err) }).catch(() => undefined);
    for (const p of projections) {
      await dropRebuildTables(ds, p).catch(() => undefined);
      await setStatus(ds, p.name, 'running', `rebuild failed: ${describeError(err)}`).catch(() => undefined);
    }
    throw err;
  } finally {
    await release();
  }
}

function prefetch(
  ds: DataSource,
  source: StreamSource,
  after: number,
  pageSize: number,
  openEvents: OpenEvents,
): Promise<StreamEvent[]> {
  const page = readEventPage(ds.manager, after, pageSize, source).then(openEvents);
  page.catch(() => undefined); // awaited later; this only keeps an early failure from being "unhandled"
  return page;
}

/**
 * Held-back articles stay held for the rest of the replay: in global order an article can show a
 * gap (a transaction that committed late); the final catch-up, in version order, settles them.
 */
async function replayInto(
  m: EntityManager,
  p: Projection,
  events: StreamEvent[],
  held: Set<string>,
  history: StreamHistory,
): Promise<void> {
  const outcome = await applyItems(m, p, rebuildTables, storedItems(events, p.source), { heldBack: held, history });
  for (const { item } of outcome.parked) if (item.articleId) held.add(item.articleId);
}
