import type { EntityManager } from 'typeorm';
import type { ArticleRow } from '../projections/article-state.projection';

/**
 * Loads the rows of these articles and locks them until the batch commits, so a second consumer
 * holding the same partition for a moment (a rebalance) re-reads the row the first one left.
 */
export async function loadRows(
  m: EntityManager,
  table: string,
  articleIds: string[],
): Promise<Map<string, ArticleRow>> {
  if (articleIds.length === 0) return new Map();
  const rows: Array<{ row: ArticleRow }> = await m.query(
    `SELECT row FROM ${table} WHERE article_id = ANY($1::uuid[]) FOR UPDATE`,
    [articleIds],
  );
  return new Map(rows.map(({ row }) => [row.articleId, row]));
}

/**
 * Upserts the rows and returns the articles the version gate let through: a row is only replaced by
 * a newer version, so a late, slower writer can never move an article back in time.
 */
export async function saveRows(m: EntityManager, table: string, rows: ArticleRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map((row) => ({
    article_id: row.articleId,
    version: row.version,
    status: row.status,
    row,
    updated_at: row.updatedAt,
    last_position: row.lastPosition,
  }));
  const written: Array<{ article_id: string }> = await m.query(
    `INSERT INTO ${table} AS t (article_id, version, status, row, updated_at, last_position)
     SELECT x.article_id, x.version, x.status, x.row, x.updated_at, x.last_position
     FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, status text, row jsonb,
       updated_at timestamptz, last_position bigint)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
       row = excluded.row, updated_at = excluded.updated_at, last_position = excluded.last_position
     WHERE t.version < excluded.version
     RETURNING t.article_id`,
    [asRecordset(records)],
  );
  return new Set(written.map((w) => w.article_id));
}

/** Rows of records as one jsonb parameter: any number of rows, no 65,535-parameter ceiling. */
export function asRecordset(records: unknown[]): string {
  return JSON.stringify(records);
}
