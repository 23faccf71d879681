import type { ArticleChange } from '@newsroom/contracts';
import type { ArticleRow } from '../projections/article-state.projection';
import {
  loadChainedRows,
  notifyVersions,
  saveChainedRows,
  type ChainedRow,
  type RowsTable,
} from './chained-rows.table';
import type { Db } from './recordset';

// Table `article_state` (the article read model) and the copies of it each other consumer group
// keeps (`<read model>_article_rows`, same columns): one article row per article, gated by version.

/** The article read model's row of one article, if projected. */
export async function findArticleRow(db: Db, articleId: string): Promise<ArticleRow | undefined> {
  const [r] = await db.query(`SELECT row FROM article_state WHERE article_id = $1`, [articleId]);
  return r?.row;
}

/**
 * Each named article's latest change, as the live stream announces it: a few fields of the row,
 * never the whole article (a body can weigh 200 KB).
 */
export async function latestChanges(db: Db, articleIds: readonly string[]): Promise<ArticleChange[]> {
  if (articleIds.length === 0) return [];
  const rows: Array<{
    article_id: string;
    version: number;
    status: ArticleChange['status'];
    headline: string;
    updated_at: string;
    updated_by: ArticleChange['updatedBy'];
  }> = await db.query(
    `SELECT article_id, version, status, row->'working'->>'headline' AS headline, row->>'updatedAt' AS updated_at,
       row->'updatedBy' AS updated_by
     FROM article_state WHERE article_id = ANY($1::uuid[])`,
    [articleIds],
  );
  return rows.map((r) => ({
    articleId: r.article_id,
    version: r.version,
    status: r.status,
    headline: r.headline,
    updatedAt: r.updated_at,
    updatedBy: { id: r.updated_by.id, name: r.updated_by.name, role: r.updated_by.role },
  }));
}

export type { ChainedRow } from './chained-rows.table';

const articleRows = (table: string): RowsTable<ArticleRow> => ({
  table,
  keyColumn: 'article_id',
  idOf: (row) => row.articleId,
});

/** Loads and locks the rows of these articles until the batch commits (see loadChainedRows). */
export function loadRows(db: Db, table: string, articleIds: string[]): Promise<Map<string, ChainedRow<ArticleRow>>> {
  return loadChainedRows(db, articleRows(table), articleIds);
}

/** Upserts through the version gate; the live article read model announces the versions it wrote. */
export async function saveRows(db: Db, table: string, rows: ChainedRow<ArticleRow>[]): Promise<Set<string>> {
  const written = await saveChainedRows(db, articleRows(table), rows);
  // Only the live read model's commits wake readers: a rebuild's twin is not what they read.
  if (table === 'article_state')
    await notifyVersions(
      db,
      ARTICLE_VERSIONS_CHANNEL,
      rows.filter((r) => written.has(r.row.articleId)).map((r) => [r.row.articleId, r.row.version]),
    );
  return written;
}

/** The channel on which the article read model announces the versions it committed. */
export const ARTICLE_VERSIONS_CHANNEL = 'newsroom_article_versions';

/**
 * Each stream's version in `table` (every one, or only those named), by id; `keyColumn` names the
 * rows table's id column (a contribution read model's rows are keyed by `contribution_id`).
 */
export async function articleVersions(
  db: Db,
  table = 'article_state',
  articleIds?: readonly string[],
  keyColumn = 'article_id',
): Promise<Map<string, number>> {
  const rows: Array<{ id: string; version: number }> = articleIds
    ? await db.query(`SELECT ${keyColumn} AS id, version FROM ${table} WHERE ${keyColumn} = ANY($1::uuid[])`, [
        articleIds,
      ])
    : await db.query(`SELECT ${keyColumn} AS id, version FROM ${table}`);
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** The highest event position any row of `table` reflects, 0 when empty. */
export async function furthestPosition(db: Db, table: string): Promise<number> {
  const [{ p }] = await db.query(`SELECT COALESCE(max(last_position), 0)::bigint AS p FROM ${table}`);
  return Number(p);
}
