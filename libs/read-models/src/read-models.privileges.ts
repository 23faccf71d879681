import type { DatabasePrivileges, TableAccess } from '@newsroom/event-store';

// A rebuild replaces these tables by twins it creates, which only their owner may do.
const rebuilt: TableAccess = { ownedBy: 'projector', grants: { api: ['SELECT'] } };
const runnerRows: TableAccess = { ownedBy: 'projector', grants: {} };
const projectorWrites: TableAccess = {
  grants: { projector: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'], api: ['SELECT'] },
};

/** The read models: the projector's to write (and rebuild), the API's to read. */
export const readModelPrivileges: DatabasePrivileges = {
  article_state: rebuilt,
  audit_trail: rebuilt,
  article_list: rebuilt,
  contributor_index: rebuilt,
  audit_trail_article_rows: runnerRows,
  article_list_article_rows: runnerRows,
  contributor_index_article_rows: runnerRows,
  public_articles: rebuilt,
  public_article_slugs: rebuilt,
  public_articles_article_rows: runnerRows,
  contribution_list: rebuilt,
  contribution_list_contribution_rows: runnerRows,
  contribution_audit_trail: rebuilt,
  contribution_audit_contribution_rows: runnerRows,
  contributor_ledger: rebuilt,
  contributor_ledger_credits: runnerRows,
  contributor_ledger_article_rows: runnerRows,
  projection_status: projectorWrites,
  projection_progress: projectorWrites,
  projection_throughput: projectorWrites,
  dead_letters: projectorWrites,
  // Time travel's snapshots: the API derives them as it folds, and may drop any (they are rebuilt).
  article_snapshots: { grants: { api: ['SELECT', 'INSERT', 'DELETE'] } },
};
