import type { ArticleChange } from '@newsroom/contracts';
import type { ArticleRow } from '../projections/article-state.projection';
import { asRecordset, type Db } from './recordset';

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

/** An article row as the runner keeps it: with the hash of the event it last applied (null before migration 70). */
export interface ChainedRow<Row = ArticleRow> {
  row: Row;
  lastHash: string | null;
}

/**
 * Loads the rows of these articles and locks them until the batch commits, so a second consumer
 * holding the same partition for a moment (a rebalance) re-reads the row the first one left.
 */
export async function loadRows(db: Db, table: string, articleIds: string[]): Promise<Map<string, ChainedRow>> {
  if (articleIds.length === 0) return new Map();
  const rows: Array<{ row: ArticleRow; last_hash: string | null }> = await db.query(
    `SELECT row, last_hash FROM ${table} WHERE article_id = ANY($1::uuid[]) FOR UPDATE`,
    [articleIds],
  );
  return new Map(rows.map(({ row, last_hash }) => [row.articleId, { row, lastHash: last_hash }]));
}

/**
 * Upserts the rows and returns the articles the version gate let through: a row is only replaced by
 * a newer version, so a late, slower writer can never move an article back in time.
 */
export async function saveRows(db: Db, table: string, rows: ChainedRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map(({ row, lastHash }) => ({
    article_id: row.articleId,
    version: row.version,
    status: row.status,
    row,
    updated_at: row.updatedAt,
    last_position: row.lastPosition,
    last_hash: lastHash,
  }));
  const returned: Array<{ article_id: string }> = await db.query(
    `INSERT INTO ${table} AS t (article_id, version, status, row, updated_at, last_position, last_hash)
     SELECT x.article_id, x.version, x.status, x.row, x.updated_at, x.last_position, x.last_hash
     FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, status text, row jsonb,
       updated_at timestamptz, last_position bigint, last_hash text)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
       row = excluded.row, updated_at = excluded.updated_at, last_position = excluded.last_position,
       last_hash = excluded.last_hash
     WHERE t.version < excluded.version
     RETURNING t.article_id`,
    [asRecordset(records)],
  );
  const written = new Set(returned.map((w) => w.article_id));
  if (table === 'article_state')
    await notifyArticleVersions(
      db,
      rows.map((r) => r.row).filter((r) => written.has(r.articleId)),
    );
  return written;
}

/** The channel on which the article read model announces the versions it committed. */
export const ARTICLE_VERSIONS_CHANNEL = 'newsroom_article_versions';
/** Articles per notification: PostgreSQL caps a payload at 8,000 bytes. */
const PER_NOTIFICATION = 100;

/**
 * NOTIFY inside the batch's transaction, so it is delivered only once the rows are committed (and
 * never if the batch rolls back): a reader waiting for a version (`?minVersion`) wakes up on it
 * instead of polling. Payload: `{"schema": …, "versions": [[articleId, version], …]}`.
 */
async function notifyArticleVersions(db: Db, rows: ArticleRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PER_NOTIFICATION) {
    const versions = rows.slice(i, i + PER_NOTIFICATION).map((r) => [r.articleId, r.version]);
    await db.query(`SELECT pg_notify($1, json_build_object('schema', current_schema(), 'versions', $2::jsonb)::text)`, [
      ARTICLE_VERSIONS_CHANNEL,
      JSON.stringify(versions),
    ]);
  }
}

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
