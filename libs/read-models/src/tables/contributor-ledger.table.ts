import type { LedgerEntry, MergedCredit } from '../projections/contributor-ledger.projection';
import { asRecordset, deleteRowsOf, liveTables, type Db, type TableNames } from './recordset';

// Tables `contributor_ledger_credits` (which contribution created a credit) and
// `contributor_ledger` (every credit of every published version), both insert-only.

export async function insertMergedCredits(db: Db, credits: readonly MergedCredit[], t: TableNames = liveTables) {
  if (credits.length === 0) return;
  await db.query(
    `INSERT INTO ${t('contributor_ledger_credits')} (article_id, contributor_id, contribution_id)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, contributor_id text, contribution_id uuid)
     ON CONFLICT (article_id, contributor_id) DO NOTHING`,
    [
      asRecordset(
        credits.map((c) => ({
          article_id: c.articleId,
          contributor_id: c.contributorId,
          contribution_id: c.contributionId,
        })),
      ),
    ],
  );
}

/**
 * Inserts the entries, each with the contribution that created its credit, if any. Call after
 * insertMergedCredits for the same batch: a merge always precedes the publication that shows it.
 */
export async function insertLedgerEntries(db: Db, entries: readonly LedgerEntry[], t: TableNames = liveTables) {
  if (entries.length === 0) return;
  const records = entries.map((e) => ({
    person_key: e.personKey,
    article_id: e.articleId,
    article_version: e.articleVersion,
    contributor_id: e.contributorId,
    published_at: e.publishedAt,
    headline: e.headline,
    name: e.name,
    role: e.role,
    affiliation: e.affiliation,
  }));
  await db.query(
    `INSERT INTO ${t('contributor_ledger')} (person_key, article_id, article_version, contributor_id, published_at,
       headline, name, role, affiliation, contribution_id)
     SELECT x.*, c.contribution_id FROM jsonb_to_recordset($1::jsonb) AS x(person_key text, article_id uuid,
       article_version int, contributor_id text, published_at timestamptz, headline text, name text, role text,
       affiliation text)
     LEFT JOIN ${t('contributor_ledger_credits')} c USING (article_id, contributor_id)
     ON CONFLICT (person_key, article_id, article_version, contributor_id) DO NOTHING`,
    [asRecordset(records)],
  );
}

/** One credit of the ledger as `GET /api/contributors/:key/credits` lists it. */
export interface LedgerCredit {
  articleId: string;
  articleVersion: number;
  publishedAt: string;
  headline: string;
  /** The credit's id in the article (a person credited in two roles has two). */
  contributorId: string;
  name: string;
  role: string;
  affiliation: string | null;
  /** The accepted contribution that created this credit; null for a credit the desk added itself. */
  contributionId: string | null;
}

/** Where a page ends: newest publication first, then article, version and credit. */
export type LedgerKey = [publishedAt: string, articleId: string, articleVersion: number, contributorId: string];
export const ledgerKeyOf = (c: LedgerCredit): LedgerKey => [
  c.publishedAt,
  c.articleId,
  c.articleVersion,
  c.contributorId,
];

/** Keyset page of one person's credits, newest publication first; `more` when it goes on. */
export async function ledgerPage(
  db: Db,
  personKey: string,
  after: LedgerKey | undefined,
  limit: number,
): Promise<{ items: LedgerCredit[]; more: boolean }> {
  const params: unknown[] = [personKey];
  const p = (v: unknown) => `$${params.push(v)}`;
  const keyset = after
    ? `AND (published_at, article_id, article_version, contributor_id) <
         (${p(after[0])}::timestamptz, ${p(after[1])}::uuid, ${p(after[2])}::int, ${p(after[3])}::text)`
    : '';
  const rows: any[] = await db.query(
    `SELECT article_id, article_version, published_at, headline, contributor_id, name, role, affiliation,
       contribution_id
     FROM contributor_ledger WHERE person_key = $1 ${keyset}
     ORDER BY published_at DESC, article_id DESC, article_version DESC, contributor_id DESC LIMIT ${p(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit).map((r): LedgerCredit => ({
    articleId: r.article_id,
    articleVersion: r.article_version,
    publishedAt: new Date(r.published_at).toISOString(),
    headline: r.headline,
    contributorId: r.contributor_id,
    name: r.name,
    role: r.role,
    affiliation: r.affiliation,
    contributionId: r.contribution_id,
  }));
  return { items, more: rows.length > limit };
}

/** Removes the credits and merges of these articles, whose history is about to be derived again (a redaction). */
export async function deleteLedgerEntriesOf(db: Db, articleIds: readonly string[], t: TableNames = liveTables) {
  await deleteRowsOf(db, t('contributor_ledger'), 'article_id', articleIds);
  await deleteRowsOf(db, t('contributor_ledger_credits'), 'article_id', articleIds);
}
