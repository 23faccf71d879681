import type { EntityManager } from 'typeorm';
import { envelopeOf } from '@newsroom/messaging';
import { rowToEvent } from '@newsroom/event-store';
import type { ProjectedEvent } from '../projections/projected-event';
import type { Item } from './apply-events';
import { isArticleId } from './kafka-items';

const COLUMNS = `global_position, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at,
  prev_hash, hash`;

/** The envelope the outbox relay sends for a stored event (apps/outbox-relay toEnvelope, field for field). */
export function envelopeOfRow(row: any): ProjectedEvent {
  return envelopeOf(rowToEvent(row));
}

/**
 * The next page of article events after `afterPosition`, in global order. Keyset paging on the
 * primary key: each page is one index range scan, and memory holds one page at a time.
 */
export async function readEventPage(m: EntityManager, afterPosition: number, limit: number): Promise<ProjectedEvent[]> {
  const rows = await m.query(
    `SELECT ${COLUMNS} FROM events WHERE global_position > $1 AND stream_id LIKE 'article-%'
     ORDER BY global_position LIMIT $2`,
    [afterPosition, limit],
  );
  return rows.map(envelopeOfRow);
}

/**
 * Every stored event newer than the version of its article in `rowsTable`, in per-article order.
 * By version rather than position: a transaction that committed late with a lower position than
 * events already read is found here too. Articles held back reappear each time, harmlessly.
 */
export async function readEventsAhead(m: EntityManager, rowsTable: string): Promise<ProjectedEvent[]> {
  const rows = await m.query(
    `WITH heads AS (
       SELECT stream_id, max(version) AS head FROM events WHERE stream_id LIKE 'article-%' GROUP BY stream_id
     ), behind AS (
       SELECT h.stream_id, COALESCE(r.version, 0) AS done FROM heads h
       LEFT JOIN ${rowsTable} r ON r.article_id::text = substr(h.stream_id, 9)
       WHERE h.head > COALESCE(r.version, 0)
     )
     SELECT ${COLUMNS.replace(/(\w+)/g, 'e.$1')} FROM events e JOIN behind b ON b.stream_id = e.stream_id AND e.version > b.done
     ORDER BY e.stream_id, e.version`,
  );
  return rows.map(envelopeOfRow);
}

export async function countArticleEvents(m: EntityManager): Promise<number> {
  const [{ n }] = await m.query(`SELECT count(*)::bigint AS n FROM events WHERE stream_id LIKE 'article-%'`);
  return Number(n);
}

/** Stored events as runner items; a stream named without a UUID can only be parked. */
export function storedItems(events: ProjectedEvent[]): Item<null>[] {
  return events.map((e) =>
    isArticleId(e.articleId)
      ? { articleId: e.articleId, event: e, ref: null }
      : { articleId: null, event: null, unreadable: new Error(`stream article-${e.articleId} has no UUID`), ref: null },
  );
}
