import type { DataSource, EntityManager } from 'typeorm';

/** Where a table module's statements run: a batch's transaction, or the pool. */
export type Db = EntityManager | DataSource;

/** Maps a live table name to the physical one: itself, or its `__rebuild` twin during a rebuild. */
export type TableNames = (table: string) => string;
export const liveTables: TableNames = (table) => table;
export const rebuildTables: TableNames = (table) => `${table}__rebuild`;

/** Rows of records as one jsonb parameter: any number of rows, no 65,535-parameter ceiling. */
export function asRecordset(records: unknown[]): string {
  return JSON.stringify(records);
}

/** Deletes the rows of these streams (articles or contributions) from a table its module owns. */
export async function deleteRowsOf(
  db: Db,
  table: string,
  column: 'article_id' | 'contribution_id',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`DELETE FROM ${table} WHERE ${column} = ANY($1::uuid[])`, [ids]);
}

/**
 * A fixed, hot statement by name, straight on TypeORM's pg pool when `db` is the pool's DataSource:
 * PostgreSQL parses and plans it once per connection instead of on every call, and TypeORM's
 * per-query runner is skipped (as the event store does for its appends). Anywhere else (a batch's
 * transaction) it runs as a plain query.
 */
export async function namedQuery<Row>(db: Db, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = 'driver' in db ? (db.driver as { master?: { query: PoolQuery } }).master : undefined;
  if (!pool) return db.query(text, values);
  return (await pool.query({ name, text, values })).rows as Row[];
}

type PoolQuery = (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }>;
