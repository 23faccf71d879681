import type { DataSource } from 'typeorm';
import { ReadModelsNotMigrated } from './runner.errors';

/** Every table the runner reads or writes; migrations 1764300000002, …003, …100, …910 and …930 create them. */
const READ_MODEL_TABLES = [
  'article_state',
  'audit_trail',
  'article_list',
  'contributor_index',
  'projection_status',
  'projection_progress',
  'dead_letters',
  'audit_trail_article_rows',
  'article_list_article_rows',
  'contributor_index_article_rows',
  'projection_throughput',
  'public_articles',
  'public_article_slugs',
  'public_articles_article_rows',
  'contribution_list',
  'contribution_list_contribution_rows',
  'contribution_audit_trail',
  'contribution_audit_contribution_rows',
  'contributor_ledger',
  'contributor_ledger_credits',
  'contributor_ledger_article_rows',
];

/** The rows' chain link, added by migration 1764300000080. */
const CHAINED_ROWS = [
  'article_state',
  'audit_trail_article_rows',
  'article_list_article_rows',
  'contributor_index_article_rows',
  'public_articles_article_rows',
  'contribution_list_contribution_rows',
  'contribution_audit_contribution_rows',
  'contributor_ledger_article_rows',
];

/** Refuses to start on a schema the migrations never reached (one round trip, no DDL). */
export async function ensureRunnerTables(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    const [{ missing }] = await m.query(
      `SELECT array_remove(array_agg(CASE WHEN to_regclass(t) IS NULL THEN t END), NULL)
         || ARRAY(SELECT c || '.last_hash' FROM unnest($2::text[]) AS c WHERE NOT EXISTS (
              SELECT 1 FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = c AND column_name = 'last_hash')) AS missing
       FROM unnest($1::text[]) AS t`,
      [READ_MODEL_TABLES, CHAINED_ROWS],
    );
    if (missing.length > 0) {
      throw new ReadModelsNotMigrated(
        `read-model tables or columns missing (${missing.join(', ')}): run npm run migrate`,
      );
    }
  });
}

/** Advisory-lock key of one read model in this schema: live batches take it shared, the switch exclusive. */
export const READ_MODEL_LOCK = `hashtext(current_schema()), hashtext('projection:' || $1)`;
