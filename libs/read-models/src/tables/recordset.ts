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
