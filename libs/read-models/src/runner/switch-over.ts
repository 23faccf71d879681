import type { DataSource } from 'typeorm';
import { applyItems } from './apply-events';
import { contentHash } from './content-hash';
import { readEventsAhead, storedItems, type OpenEvents, storedHistory, type StreamHistory } from './event-source';
import { liveTables, rebuildTables, type Projection, type ReadModelName } from './projection';
import { READ_MODEL_LOCK } from './runner-tables';
import { swapTables } from './table-swap';
import { furthestPosition } from '../tables/article-state.table';
import { resolveDeadLettersPast } from '../tables/dead-letters.table';
import { markSwitchedOver } from '../tables/projection-status.table';

const ATTEMPTS = 5;

export interface RebuildResult {
  name: ReadModelName;
  /** Events replayed into the rebuilt tables, final catch-up included. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Of the rebuilt tables, as switched in. */
  contentHash: string;
  /** Of the incrementally built tables they replaced, at the same instant: equal when those were caught up. */
  replacedContentHash: string;
  /** Articles the rebuild could not project to their last event (same rule as the live dead letters). */
  heldBackArticles: number;
}

/**
 * 3. Switches one read model to its rebuilt tables, in one transaction. Under the read model's
 *    exclusive lock (live batches in flight finish first, new ones wait): apply every stored event
 *    newer than each rebuilt row, hash both builds, swap the tables, resolve the dead letters the
 *    rebuild applied past. Live consumers resume on the new tables and skip, by version, what it holds.
 *    The table lock waits briefly and the whole switch is retried, so a long-running reader never
 *    queues every other reader behind the swap.
 */
export async function switchOver(
  ds: DataSource,
  p: Projection,
  replayed: number,
  started: number,
  openEvents: OpenEvents = async (events) => events,
  history: StreamHistory = storedHistory(openEvents),
): Promise<RebuildResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await switchOnce(ds, p, replayed, started, openEvents, history);
    } catch (err) {
      const lockTimeout = (err as { driverError?: { code?: string } }).driverError?.code === '55P03';
      if (!lockTimeout || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function switchOnce(
  ds: DataSource,
  p: Projection,
  replayed: number,
  started: number,
  openEvents: OpenEvents,
  history: StreamHistory,
): Promise<RebuildResult> {
  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(${READ_MODEL_LOCK})`, [p.name]);
    const ahead = await openEvents(await readEventsAhead(m, rebuildTables(p.rowsTable), p.source));
    const outcome = await applyItems(m, p, rebuildTables, storedItems(ahead, p.source), {
      heldBack: new Set(),
      history,
    });
    const held = [...new Set(outcome.parked.flatMap(({ item }) => (item.articleId ? [item.articleId] : [])))];
    const rebuiltHash = await contentHash(m, p.name, rebuildTables);
    const replacedContentHash = await contentHash(m, p.name, liveTables);
    await swapTables(m, p);
    await resolveDeadLettersPast(m, p.name, p.rowsTable, held, p.source.keyColumn);
    await markSwitchedOver(m, p.name, await furthestPosition(m, p.rowsTable));
    const events = replayed + outcome.applied;
    const seconds = (Date.now() - started) / 1000;
    return {
      name: p.name,
      events,
      seconds,
      eventsPerSecond: Math.round(events / Math.max(seconds, 0.001)),
      contentHash: rebuiltHash,
      replacedContentHash,
      heldBackArticles: held.length,
    };
  });
}
