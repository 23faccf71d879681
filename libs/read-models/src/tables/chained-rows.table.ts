import { asRecordset, type Db } from './recordset';

// The runner's rows of one aggregate's streams (`article_state`, `<read model>_article_rows`,
// `<read model>_contribution_rows`): one row per stream, gated by version, chained by the hash of
// the event it last applied. Tables differ only in their key column.

/** A stream's row as the runner keeps it: with the hash of the event it last applied (null before migration 70). */
export interface ChainedRow<Row> {
  row: Row;
  lastHash: string | null;
}

/** What the runner's rows have in common, whatever the aggregate. */
interface VersionedRow {
  version: number;
  status: string;
  updatedAt: string;
  lastPosition: number;
}

export interface RowsTable<Row extends VersionedRow> {
  table: string;
  keyColumn: 'article_id' | 'contribution_id';
  idOf(row: Row): string;
}

/**
 * Loads the rows of these streams and locks them until the batch commits, so a second consumer
 * holding the same partition for a moment (a rebalance) re-reads the row the first one left.
 */
export async function loadChainedRows<Row extends VersionedRow>(
  db: Db,
  t: RowsTable<Row>,
  ids: string[],
): Promise<Map<string, ChainedRow<Row>>> {
  if (ids.length === 0) return new Map();
  const rows: Array<{ row: Row; last_hash: string | null }> = await db.query(
    `SELECT row, last_hash FROM ${t.table} WHERE ${t.keyColumn} = ANY($1::uuid[]) FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map(({ row, last_hash }) => [t.idOf(row), { row, lastHash: last_hash }]));
}

/**
 * Upserts the rows and returns the streams the version gate let through: a row is only replaced by
 * a newer version, so a late, slower writer can never move a stream back in time.
 */
export async function saveChainedRows<Row extends VersionedRow>(
  db: Db,
  t: RowsTable<Row>,
  rows: ChainedRow<Row>[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map(({ row, lastHash }) => ({
    id: t.idOf(row),
    version: row.version,
    status: row.status,
    row,
    updated_at: row.updatedAt,
    last_position: row.lastPosition,
    last_hash: lastHash,
  }));
  const key = t.keyColumn;
  const returned: Array<{ id: string }> = await db.query(
    `INSERT INTO ${t.table} AS t (${key}, version, status, row, updated_at, last_position, last_hash)
     SELECT x.id, x.version, x.status, x.row, x.updated_at, x.last_position, x.last_hash
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, version int, status text, row jsonb,
       updated_at timestamptz, last_position bigint, last_hash text)
     ON CONFLICT (${key}) DO UPDATE SET version = excluded.version, status = excluded.status,
       row = excluded.row, updated_at = excluded.updated_at, last_position = excluded.last_position,
       last_hash = excluded.last_hash
     WHERE t.version < excluded.version
     RETURNING t.${key} AS id`,
    [asRecordset(records)],
  );
  return new Set(returned.map((w) => w.id));
}

/** Streams per notification: PostgreSQL caps a payload at 8,000 bytes. */
const PER_NOTIFICATION = 100;

/**
 * NOTIFY inside the batch's transaction, so it is delivered only once the rows are committed (and
 * never if the batch rolls back): a reader waiting for a version (`?minVersion`) wakes up on it
 * instead of polling. Payload: `{"schema": …, "versions": [[id, version], …]}`.
 */
export async function notifyVersions(db: Db, channel: string, versions: Array<[string, number]>): Promise<void> {
  for (let i = 0; i < versions.length; i += PER_NOTIFICATION) {
    await db.query(`SELECT pg_notify($1, json_build_object('schema', current_schema(), 'versions', $2::jsonb)::text)`, [
      channel,
      JSON.stringify(versions.slice(i, i + PER_NOTIFICATION)),
    ]);
  }
}
