import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_COLUMNS as COLUMNS, rowToEvent } from './event-store';
import type { StoredEvent } from './event-store.types';

/**
 * Reads of the `events` table for the processes that replay or scan the store (rebuilds, the
 * scheduler, tests and benches); appends and a stream's own reads stay in EventStore. Streams are
 * chosen by a prefix the caller names (an aggregate's stream-id prefix): the store knows none.
 */
type Db = EntityManager | DataSource;

/**
 * The next page of events of the prefixed streams after `afterPosition`, in global order. Keyset
 * paging on the primary key: each page is one index range scan, and memory holds one page at a time.
 */
export async function readEventsAfter(
  db: Db,
  q: { streamPrefix: string; afterPosition: number; limit: number },
): Promise<StoredEvent[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM events WHERE global_position > $1 AND starts_with(stream_id, $2)
     ORDER BY global_position LIMIT $3`,
    [q.afterPosition, q.streamPrefix, q.limit],
  );
  return rows.map(rowToEvent);
}

/**
 * Every event of the prefixed streams past the version `known` gives for its stream (0 for a stream
 * it does not name), in per-stream version order. By version rather than position: a transaction
 * that committed late, with a lower position than events already read, is found here too.
 */
export async function readEventsBeyond(
  db: Db,
  streamPrefix: string,
  known: ReadonlyMap<string, number>,
): Promise<StoredEvent[]> {
  const rows = await db.query(
    `WITH known AS (
       SELECT * FROM unnest($2::text[], $3::int[]) AS k(stream_id, version)
     ), heads AS (
       SELECT stream_id, max(version) AS head FROM events WHERE starts_with(stream_id, $1) GROUP BY stream_id
     ), behind AS (
       SELECT h.stream_id, COALESCE(k.version, 0) AS done FROM heads h LEFT JOIN known k USING (stream_id)
       WHERE h.head > COALESCE(k.version, 0)
     )
     SELECT ${COLUMNS.replace(/(\w+)/g, 'e.$1')}
     FROM events e JOIN behind b ON b.stream_id = e.stream_id AND e.version > b.done
     ORDER BY e.stream_id, e.version`,
    [streamPrefix, [...known.keys()], [...known.values()]],
  );
  return rows.map(rowToEvent);
}

/** One stream's events below `beforeVersion`, in version order (a projector deriving it again). */
export async function readStreamBefore(db: Db, streamId: string, beforeVersion: number): Promise<StoredEvent[]> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND version < $2 ORDER BY version`, [
    streamId,
    beforeVersion,
  ]);
  return rows.map(rowToEvent);
}

/** How many events the prefixed streams hold. */
export async function countEvents(db: Db, streamPrefix: string): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::bigint AS n FROM events WHERE starts_with(stream_id, $1)`, [
    streamPrefix,
  ]);
  return Number(n);
}

/**
 * The global position of the newest event (of the prefixed streams, when a prefix is given: a read
 * model of one aggregate is not behind because another aggregate moved), 0 when there is none.
 */
export async function headPosition(db: Db, streamPrefix?: string): Promise<number> {
  const [{ head }] = await db.query(
    `SELECT COALESCE(max(global_position), 0)::bigint AS head FROM events
     WHERE $1::text IS NULL OR starts_with(stream_id, $1)`,
    [streamPrefix ?? null],
  );
  return Number(head);
}

/** The stream's last version, 0 when it has no event. */
export async function streamVersion(db: Db, streamId: string): Promise<number> {
  const [{ head }] = await db.query(`SELECT COALESCE(max(version), 0) AS head FROM events WHERE stream_id = $1`, [
    streamId,
  ]);
  return Number(head);
}

/** Each prefixed stream's last version, by stream id. */
export async function streamHeads(db: Db, streamPrefix: string): Promise<Map<string, number>> {
  const rows: Array<{ stream_id: string; head: number }> = await db.query(
    `SELECT stream_id, max(version) AS head FROM events WHERE starts_with(stream_id, $1) GROUP BY stream_id`,
    [streamPrefix],
  );
  return new Map(rows.map((r) => [r.stream_id, Number(r.head)]));
}

/** A timer set by an event: the event type that sets it, the data field holding its time, what clears it. */
export interface TimerQuery {
  type: string;
  dueField: string;
  /** Event types that, later in the same stream, cancel or carry out the timer. */
  supersededBy: readonly string[];
  limit: number;
}

// The timers still set: an event of the type with no later event of the superseding types in its
// stream. `safe_timestamptz` reads the stored time without ever failing: NULL when unreadable.
const PENDING_TIMERS = `
  SELECT e.stream_id, e.data->>$2 AS value, safe_timestamptz(e.data->>$2) AS due
  FROM events e
  WHERE e.type = $1
    AND NOT EXISTS (
      SELECT 1 FROM events later
      WHERE later.stream_id = e.stream_id AND later.version > e.version AND later.type = ANY($3::text[]))`;

/**
 * Streams holding an event of type `type` whose timestamp `data[dueField]` has come, with no later
 * event of the `supersededBy` types in the same stream: a timer set by an event and not yet
 * cancelled or carried out (a scheduled publication, say). Soonest due first. A stored time that
 * cannot be read is skipped here (see `streamsWithUnreadableTimer`), never an error for the others.
 */
export async function streamsWithDueEvent(db: Db, q: TimerQuery): Promise<string[]> {
  const rows: Array<{ stream_id: string }> = await db.query(
    `SELECT stream_id FROM (${PENDING_TIMERS}) pending WHERE due <= now() ORDER BY due LIMIT $4`,
    [q.type, q.dueField, q.supersededBy, q.limit],
  );
  return rows.map((r) => r.stream_id);
}

/** A pending timer whose stored time PostgreSQL cannot read: its stream, and the value as stored. */
export interface UnreadableTimer {
  streamId: string;
  value: string | null;
}

/** The pending timers of `q` whose stored time cannot be read, for the operators to see. */
export async function streamsWithUnreadableTimer(db: Db, q: TimerQuery): Promise<UnreadableTimer[]> {
  const rows: Array<{ stream_id: string; value: string | null }> = await db.query(
    `SELECT stream_id, value FROM (${PENDING_TIMERS}) pending WHERE due IS NULL ORDER BY stream_id LIMIT $4`,
    [q.type, q.dueField, q.supersededBy, q.limit],
  );
  return rows.map((r) => ({ streamId: r.stream_id, value: r.value }));
}

export interface StoredLink {
  streamId: string;
  version: number;
  hash: string;
  globalPosition: number;
}

/**
 * The stored hash and position of each (stream, version) asked for that exists, in one round trip of
 * unique-index lookups: how a consumer confirms that what a broker delivered was really appended.
 */
export async function storedLinks(
  db: Db,
  keys: ReadonlyArray<{ streamId: string; version: number }>,
): Promise<StoredLink[]> {
  if (keys.length === 0) return [];
  const rows: Array<{ stream_id: string; version: number; hash: string; global_position: string }> = await db.query(
    `SELECT e.stream_id, e.version, e.hash, e.global_position
     FROM unnest($1::text[], $2::int[]) AS k(stream_id, version) JOIN events e USING (stream_id, version)`,
    [keys.map((k) => k.streamId), keys.map((k) => k.version)],
  );
  return rows.map((r) => ({
    streamId: r.stream_id,
    version: r.version,
    hash: r.hash,
    globalPosition: Number(r.global_position),
  }));
}
