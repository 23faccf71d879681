import type { ContributorEntry } from '../projections/contributor-index.projection';
import { asRecordset, liveTables, type Db, type TableNames } from './recordset';

// Table `contributor_index`: which articles credit whom, each entry stamped with the article version.

/** Replaces the entries of these articles whole with `entries`. */
export async function replaceContributorEntries(
  db: Db,
  articleIds: readonly string[],
  entries: ReadonlyArray<ContributorEntry & { version: number }>,
  t: TableNames = liveTables,
): Promise<void> {
  await db.query(`DELETE FROM ${t('contributor_index')} WHERE article_id = ANY($1::uuid[])`, [articleIds]);
  if (entries.length === 0) return;
  const records = entries.map((e) => ({
    article_id: e.articleId,
    contributor_id: e.contributorId,
    name: e.name,
    name_key: e.nameKey,
    role: e.role,
    version: e.version,
  }));
  await db.query(
    `INSERT INTO ${t('contributor_index')} (article_id, contributor_id, name, name_key, role, version)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, contributor_id text, name text,
       name_key text, role text, version int)`,
    [asRecordset(records)],
  );
}

/**
 * A condition, for another read model's query, that the article in column `articleId` credits the
 * name key bound to parameter `nameKeyParam` (`$3`, say): the index's SQL stays written here.
 */
export function creditsNameKey(articleId: string, nameKeyParam: string): string {
  return `EXISTS (SELECT 1 FROM contributor_index c
    WHERE c.article_id = ${articleId} AND c.name_key = ${nameKeyParam})`;
}
