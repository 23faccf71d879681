import type { ArticleListItem, ArticleListQuery } from '@newsroom/contracts';
import type { ArticleListRow } from '../projections/article-list.projection';
import { nameKeyOf } from '../projections/contributor-index.projection';
import { creditsNameKey } from './contributor-index.table';
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
    published_at: r.publishedAt,
    search_text: r.searchText,
  }));
  await db.query(
    `INSERT INTO ${t('article_list')} AS l (article_id, version, status, headline, sections, contributor_names,
       updated_at, published_at, search_text)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, status text, headline text,
       sections text[], contributor_names text[], updated_at timestamptz, published_at timestamptz, search_text text)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
       headline = excluded.headline, sections = excluded.sections, contributor_names = excluded.contributor_names,
       updated_at = excluded.updated_at, published_at = excluded.published_at, search_text = excluded.search_text
     WHERE l.version < excluded.version`,
    [asRecordset(records)],
  );
}

/** Where a page of the list ends: its keyset order is (updated_at, article_id), newest first. */
export type ArticleListKey = [updatedAt: string, articleId: string];

export const articleListKeyOf = (item: ArticleListItem): ArticleListKey => [item.updatedAt, item.id];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Up to `limit` articles after `after`, newest first, filtered as the query asks; `more` when the
 * list goes on. Keyset paging: a page never skips or repeats a row while others write.
 */
export async function listArticles(
  db: Db,
  q: Omit<ArticleListQuery, 'limit' | 'cursor'>,
  after: ArticleListKey | undefined,
  limit: number,
): Promise<{ items: ArticleListItem[]; more: boolean }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (q.status) where.push(`l.status = ${p(q.status)}`);
  if (q.section) where.push(`l.sections @> ARRAY[${p(q.section)}]::text[]`);
  if (q.contributor) where.push(creditsNameKey('l.article_id', p(nameKeyOf(q.contributor))));
  if (q.q) where.push(`l.search_text LIKE ${p(`%${escapeLike(q.q.toLowerCase())}%`)}`);
  if (after) where.push(`(l.updated_at, l.article_id) < (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
  const rows = await db.query(
    `SELECT l.article_id, l.version, l.status, l.headline, l.sections, l.contributor_names, l.updated_at, l.published_at
     FROM article_list l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY l.updated_at DESC, l.article_id DESC LIMIT ${p(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit).map((r: any): ArticleListItem => ({
    id: r.article_id,
    version: r.version,
    status: r.status,
    headline: r.headline,
    sections: r.sections,
    contributors: r.contributor_names,
    updatedAt: new Date(r.updated_at).toISOString(),
    publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
  }));
  return { items, more: rows.length > limit };
}
