import type { ContributionAuditEntry } from '../projections/contribution-audit.projection';
import { insertAuditRecords } from './audit-records';
import { deleteRowsOf, liveTables, type Db, type TableNames } from './recordset';

// Table `contribution_audit_trail`: insert-only, unique on (contribution_id, version).

export function insertContributionAuditEntries(
  db: Db,
  entries: readonly ContributionAuditEntry[],
  t: TableNames = liveTables,
): Promise<void> {
  return insertAuditRecords(
    db,
    t('contribution_audit_trail'),
    [
      ['contribution_id', 'uuid'],
      ['version', 'int'],
      ['article_id', 'uuid'],
    ],
    (a) => ({ contribution_id: a.contributionId, version: a.version, article_id: a.articleId }),
    entries,
    ['contribution_id', 'version'],
  );
}

/** Removes the entries of these contributions, whose history is about to be derived again. */
export function deleteContributionAuditEntriesOf(db: Db, ids: readonly string[], t: TableNames = liveTables) {
  return deleteRowsOf(db, t('contribution_audit_trail'), 'contribution_id', ids);
}
