import type { ContributionRow } from '../projections/contribution-state.projection';
import {
  loadChainedRows,
  notifyVersions,
  saveChainedRows,
  type ChainedRow,
  type RowsTable,
} from './chained-rows.table';
import type { Db } from './recordset';

// The runner's rows of contribution streams (`<read model>_contribution_rows`): one row per
// contribution, gated by version, chained by hash, like the article rows.

const contributionRows = (table: string): RowsTable<ContributionRow> => ({
  table,
  keyColumn: 'contribution_id',
  idOf: (row) => row.contributionId,
});

export function loadContributionRows(
  db: Db,
  table: string,
  ids: string[],
): Promise<Map<string, ChainedRow<ContributionRow>>> {
  return loadChainedRows(db, contributionRows(table), ids);
}

/** Upserts through the version gate; the live contribution list announces the versions it wrote. */
export async function saveContributionRows(
  db: Db,
  table: string,
  rows: ChainedRow<ContributionRow>[],
): Promise<Set<string>> {
  const written = await saveChainedRows(db, contributionRows(table), rows);
  // Only the live list's commits wake readers: a rebuild's twin is not what they read.
  if (table === CONTRIBUTION_LIST_ROWS)
    await notifyVersions(
      db,
      CONTRIBUTION_VERSIONS_CHANNEL,
      rows.filter((r) => written.has(r.row.contributionId)).map((r) => [r.row.contributionId, r.row.version]),
    );
  return written;
}

/** The rows table of the contribution list, whose commits `?minVersion` readers wait for. */
export const CONTRIBUTION_LIST_ROWS = 'contribution_list_contribution_rows';
/** Same payload as the article channel: `{"schema": …, "versions": [[contributionId, version], …]}`. */
export const CONTRIBUTION_VERSIONS_CHANNEL = 'newsroom_contribution_versions';
