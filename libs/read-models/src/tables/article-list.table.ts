import {
  ARTICLE_STATUSES,
  type ArticleCounts,
  type ArticleListFilter,
  type ArticleListItem,
} from '@newsroom/contracts';
import type { ArticleListRow } from '../projections/article-list.projection';
import { articleListItemOf, type ArticleListRecord } from '../views/article-list-item.view';
import { nameKeyOf } from '../projections/contributor-index.projection';
import { creditsNameKey } from './contributor-index.table';
import { openContributionsOf } from './contribution-list.table';
import { asRecordset, liveTables, type Db, type TableNames } from './recordset';

// Table `article_list`: what the editors' article list shows and filters on, one row per article.

/** Upserts the rows; a row only ever moves to a newer version. */
export async function upsertListRows(db: Db, rows: readonly ArticleListRow[], t: TableNames = liveTables) {
  const records = rows.map((r) => ({
    article_id: r.articleId,
    version: r.version,
    status: r.status,
    headline: r.headline,
    sections: r.sections,
    contributor_names: r.contributorNames,
    updated_at: r.updatedAt,
    updated_by_id: r.updatedBy.id,
    updated_by_name: r.updatedBy.name,
    updated_by_role: r.updatedBy.role,
    published_at: r.publishedAt,
    embargo_until: r.embargoUntil,
    publish_at: r.publishAt,
    search_text: r.searchText,
  }));
  await db.query(
    `INSERT INTO ${t('article_list')} AS l (article_id, version, status, headline, sections, contributor_names,
       updated_at, updated_by_id, updated_by_name, updated_by_role, published_at, embargo_until, publish_at,
       search_text)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, status text, headline text,
       sections text[], contributor_names text[], updated_at timestamptz, updated_by_id text, updated_by_name text,
       updated_by_role text, published_at timestamptz, embargo_until timestamptz, publish_at timestamptz,
       search_text text)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
       headline = excluded.headline, sections = excluded.sections, contributor_names = excluded.contributor_names,
       updated_at = excluded.updated_at, updated_by_id = excluded.updated_by_id,
       updated_by_name = excluded.updated_by_name, updated_by_role = excluded.updated_by_role,
       published_at = excluded.published_at, embargo_until = excluded.embargo_until,
       publish_at = excluded.publish_at, search_text = excluded.search_text
     WHERE l.version < excluded.version`,
    [asRecordset(records)],
  );
}

/** Where a page of the list ends: its keyset order is (updated_at, article_id), newest first. */
export type ArticleListKey = [updatedAt: string, articleId: string];

export const articleListKeyOf = (item: ArticleListItem): ArticleListKey => [item.updatedAt, item.id];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE conditions of the board's filters, shared by the list and its counts so they cannot disagree. */
function filterConditions(q: ArticleListFilter, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (q.section) where.push(`l.sections @> ARRAY[${p(q.section)}]::text[]`);
  if (q.contributor) where.push(creditsNameKey('l.article_id', p(nameKeyOf(q.contributor))));
  if (q.q) where.push(`l.search_text LIKE ${p(`%${escapeLike(q.q.toLowerCase())}%`)}`);
  return where;
}

/**
 * Up to `limit` articles after `after`, newest first, filtered as the query asks; `more` when the
 * list goes on. Keyset paging: a page never skips or repeats a row while others write.
 * `openContributions` is counted from the contribution read model, per listed row (an index
 * lookup each, at most a page): contributions are another aggregate on another topic, so a column
 * kept by the article list's consumer, gated by article versions, could not stay exact.
 */
export async function listArticles(
  db: Db,
  q: ArticleListFilter & { status?: ArticleListItem['status'] },
  after: ArticleListKey | undefined,
  limit: number,
): Promise<{ items: ArticleListItem[]; more: boolean }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = filterConditions(q, p);
  if (q.status) where.push(`l.status = ${p(q.status)}`);
  if (after) where.push(`(l.updated_at, l.article_id) < (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
  const rows: ArticleListRecord[] = await db.query(
    `SELECT l.article_id, l.version, l.status, l.headline, l.sections, l.contributor_names, l.updated_at,
       l.updated_by_id, l.updated_by_name, l.updated_by_role, l.published_at, l.embargo_until, l.publish_at,
       ${openContributionsOf('l.article_id')} AS open_contributions
     FROM article_list l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY l.updated_at DESC, l.article_id DESC LIMIT ${p(limit + 1)}`,
    params,
  );
  return { items: rows.slice(0, limit).map(articleListItemOf), more: rows.length > limit };
}

/** How many articles each status holds under the filters; every status named, 0 included. */
export async function countArticles(db: Db, q: ArticleListFilter): Promise<ArticleCounts> {
  const params: unknown[] = [];
  const where = filterConditions(q, (v) => `$${params.push(v)}`);
  const rows: Array<{ status: string; n: number }> = await db.query(
    `SELECT l.status, count(*)::int AS n FROM article_list l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY l.status`,
    params,
  );
  const byStatus = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as ArticleCounts['byStatus'];
  for (const r of rows) if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus] = r.n;
  return { byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) };
}
