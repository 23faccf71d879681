import { sectionKeyOf, type PublicArticle } from '../projections/public-article.projection';
import { asRecordset, deleteRowsOf, liveTables, namedQuery, type Db, type TableNames } from './recordset';

// Tables `public_articles` and `public_article_slugs`: the public read model. The projector writes
// through this module, the API's public routes read through it; every read takes the instant it is
// answering for, and never returns a row before its `visibleFrom`.

/** The rows of these articles, locked until the batch commits (a rebalance may replay a batch). */
export async function loadPublicRows(
  db: Db,
  articleIds: readonly string[],
  t: TableNames = liveTables,
): Promise<Map<string, PublicArticle>> {
  if (articleIds.length === 0) return new Map();
  const rows: Array<{ row: PublicArticle }> = await db.query(
    `SELECT row FROM ${t('public_articles')} WHERE article_id = ANY($1::uuid[]) FOR UPDATE`,
    [articleIds],
  );
  return new Map(rows.map(({ row }) => [row.articleId, row]));
}

/** Upserts the rows (only ever to a newer version) and records every slug they carry. */
export async function savePublicRows(db: Db, rows: readonly PublicArticle[], t: TableNames = liveTables) {
  if (rows.length === 0) return;
  const records = rows.map((r) => ({
    article_id: r.articleId,
    version: r.version,
    status: r.status,
    slug: r.slug,
    section_keys: r.content.sections.map(sectionKeyOf),
    visible_from: r.visibleFrom,
    feed_at: r.withdrawnAt ?? r.modifiedAt,
    changed_at: latestOf(r.withdrawnAt ?? r.modifiedAt, r.visibleFrom, r.publishedAt),
    row: r,
  }));
  await db.query(
    `INSERT INTO ${t('public_articles')} AS p (article_id, version, status, slug, section_keys, visible_from, feed_at,
       changed_at, row)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, status text, slug text,
       section_keys text[], visible_from timestamptz, feed_at timestamptz, changed_at timestamptz, row jsonb)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
       slug = excluded.slug, section_keys = excluded.section_keys, visible_from = excluded.visible_from,
       feed_at = excluded.feed_at, changed_at = excluded.changed_at, row = excluded.row
     WHERE p.version < excluded.version`,
    [asRecordset(records)],
  );
  const slugs = rows.flatMap((r) => r.slugs.map((slug) => ({ slug, article_id: r.articleId })));
  // A slug ends in the article's id prefix, so another article claiming it is a prefix collision:
  // the first one keeps it, the other is reached by its canonical slug only if that differs.
  await db.query(
    `INSERT INTO ${t('public_article_slugs')} (slug, article_id)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(slug text, article_id uuid)
     ON CONFLICT (slug) DO NOTHING`,
    [asRecordset(slugs)],
  );
}

const latestOf = (...instants: string[]) => new Date(Math.max(...instants.map((i) => Date.parse(i)))).toISOString();

/** The public row of an article, if it may be shown at `now` (withdrawn rows included: they are tombstones). */
export async function findPublicArticle(db: Db, articleId: string, now: Date): Promise<PublicArticle | undefined> {
  const [r] = await db.query(`SELECT row FROM public_articles WHERE article_id = $1 AND visible_from <= $2`, [
    articleId,
    now.toISOString(),
  ]);
  return r?.row;
}

/** The article a slug leads to (its canonical slug or an older one), if it may be shown at `now`. */
export async function findPublicArticleBySlug(db: Db, slug: string, now: Date): Promise<PublicArticle | undefined> {
  const [r] = await db.query(
    `SELECT p.row FROM public_article_slugs s JOIN public_articles p ON p.article_id = s.article_id
     WHERE s.slug = $1 AND p.visible_from <= $2`,
    [slug, now.toISOString()],
  );
  return r?.row;
}

interface CheckRow {
  article_id: string;
  version: number;
  status: PublicArticle['status'];
  slug: string;
  row: PublicArticle | null;
}

/** Which article a lookup names: by id, or by a slug (its canonical one or an older one). */
export type PublicArticleKey = { articleId: string } | { slug: string };

/** The version of an article whose row the caller already holds (output rendered from it, say). */
export interface HeldVersion {
  articleId: string;
  version: number;
}

/** What a lookup found: always the row's current version, status and slug; the row unless it is held. */
export interface PublicArticleCheck {
  articleId: string;
  version: number;
  status: PublicArticle['status'];
  slug: string;
  /** null when the row is the held version: it was not read. */
  row: PublicArticle | null;
}

/**
 * The article a key names, if it may be shown at `now`, as `findPublicArticle` finds it, except that
 * the row is left unread (null) when it is the `held` version: a caller serving output rendered from
 * that version revalidates it on every request against the row's version and visibility, without
 * reading the TOASTed row or parsing it.
 */
export async function checkPublicArticle(
  db: Db,
  key: PublicArticleKey,
  now: Date,
  held?: HeldVersion,
): Promise<PublicArticleCheck | undefined> {
  const columns = `p.article_id, p.version, p.status, p.slug,
     CASE WHEN p.article_id = $3::uuid AND p.version = $4::int THEN NULL ELSE p.row END AS row`;
  const byId = 'articleId' in key;
  // Every public page, ninjs and JSON-LD request runs one of these two: prepared, each by its name.
  const [r] = await namedQuery<CheckRow>(
    db,
    byId ? 'newsroom_public_check_by_id' : 'newsroom_public_check_by_slug',
    byId
      ? `SELECT ${columns} FROM public_articles p WHERE p.article_id = $1 AND p.visible_from <= $2`
      : `SELECT ${columns} FROM public_article_slugs s JOIN public_articles p ON p.article_id = s.article_id
         WHERE s.slug = $1 AND p.visible_from <= $2`,
    [byId ? key.articleId : key.slug, now.toISOString(), held?.articleId ?? null, held?.version ?? null],
  );
  return r && { articleId: r.article_id, version: r.version, status: r.status, slug: r.slug, row: r.row };
}

export interface FeedQuery {
  /** A section key (`sectionKeyOf`), or none for every section. */
  section?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  now: Date;
}

/** Feed entries carry no body: a feed links to the page. */
export type FeedEntry = Omit<PublicArticle, 'content'> & { content: Omit<PublicArticle['content'], 'body'> };

/**
 * One page of the feed, newest first (by the last major change or the withdrawal), and whether a
 * next page exists. Withdrawn articles stay in as tombstones.
 */
export async function publicFeedPage(db: Db, q: FeedQuery): Promise<{ entries: FeedEntry[]; more: boolean }> {
  const rows: Array<{ row: FeedEntry }> = await db.query(
    `SELECT p.row - 'content' || jsonb_build_object('content', (p.row->'content') - 'body') AS row
     FROM public_articles p
     WHERE p.visible_from <= $1 AND ($2::text IS NULL OR p.section_keys @> ARRAY[$2::text])
     ORDER BY p.feed_at DESC, p.article_id DESC LIMIT $3 OFFSET $4`,
    [q.now.toISOString(), q.section ?? null, q.pageSize + 1, (q.page - 1) * q.pageSize],
  );
  return { entries: rows.slice(0, q.pageSize).map((r) => r.row), more: rows.length > q.pageSize };
}

/**
 * What a feed's validators are computed from, without building it: the number of entries visible
 * and the sum of their versions (a row only changes by moving to a higher version, and a row only
 * appears by becoming visible, so any change to the feed changes one of them); the newest entry's
 * time; and the latest instant anything visible changed or became visible (Last-Modified). Reads
 * only the small columns, never the TOASTed row.
 */
export async function publicFeedStamp(db: Db, q: Pick<FeedQuery, 'section' | 'now'>): Promise<FeedStamp> {
  const [r] = await db.query(
    `SELECT count(*)::int AS count, COALESCE(sum(version), 0)::text AS versions, max(feed_at) AS newest,
       max(changed_at) AS changed
     FROM public_articles WHERE visible_from <= $1 AND ($2::text IS NULL OR section_keys @> ARRAY[$2::text])`,
    [q.now.toISOString(), q.section ?? null],
  );
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return { count: r.count, versions: r.versions, newest: iso(r.newest), changed: iso(r.changed) };
}

export interface FeedStamp {
  count: number;
  versions: string;
  newest: string | null;
  changed: string | null;
}

/** Removes the public rows and slugs of these articles, whose history is about to be derived again (a redaction). */
export async function deletePublicRowsOf(db: Db, articleIds: readonly string[], t: TableNames = liveTables) {
  await deleteRowsOf(db, t('public_article_slugs'), 'article_id', articleIds);
  await deleteRowsOf(db, t('public_articles'), 'article_id', articleIds);
}
