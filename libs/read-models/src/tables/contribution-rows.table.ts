import type { ContributionRow } from '../projections/contribution-state.projection';
import type { ChainedRow } from './article-state.table';
import { asRecordset, type Db } from './recordset';

// The runner's rows of contribution streams (`<read model>_contribution_rows`): one row per
// contribution, gated by version, chained by hash, like the article rows.

export async function loadContributionRows(
  db: Db,
  table: string,
  ids: string[],
): Promise<Map<string, ChainedRow<ContributionRow>>> {
  if (ids.length === 0) return new Map();
  const rows: Array<{ row: ContributionRow; last_hash: string | null }> = await db.query(
    `SELECT row, last_hash FROM ${table} WHERE contribution_id = ANY($1::uuid[]) FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map(({ row, last_hash }) => [row.contributionId, { row, lastHash: last_hash }]));
}

/** Upserts through the version gate and announces the versions written (see notifyVersions). */
export async function saveContributionRows(
  db: Db,
  table: string,
  rows: ChainedRow<ContributionRow>[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map(({ row, lastHash }) => ({
    contribution_id: row.contributionId,
    version: row.version,
    status: row.status,
    row,
    updated_at: row.updatedAt,
    last_position: row.lastPosition,
    last_hash: lastHash,
  }));
  const returned: Array<{ contribution_id: string }> = await db.query(
    `INSERT INTO ${table} AS t (contribution_id, version, status, row, updated_at, last_position, last_hash)
     SELECT x.contribution_id, x.version, x.status, x.row, x.updated_at, x.last_position, x.last_hash
     FROM jsonb_to_recordset($1::jsonb) AS x(contribution_id uuid, version int, status text, row jsonb,
       updated_at timestamptz, last_position bigint, last_hash text)
     ON CONFLICT (contribution_id) DO UPDATE SET version = excluded.version, status = excluded.status,
       row = excluded.row, updated_at = excluded.updated_at, last_position = excluded.last_position,
       last_hash = excluded.last_hash
     WHERE t.version < excluded.version
     RETURNING t.contribution_id`,
    [asRecordset(records)],
  );
  const written = new Set(returned.map((w) => w.contribution_id));
  // Only the live list's commits wake readers: a rebuild's twin is not what they read.
  if (table === CONTRIBUTION_LIST_ROWS) {
    const versions = rows
      .filter((r) => written.has(r.row.contributionId))
      .map((r) => [r.row.contributionId, r.row.version]);
    for (let i = 0; i < versions.length; i += PER_NOTIFICATION) {
      await db.query(
        `SELECT pg_notify($1, json_build_object('schema', current_schema(), 'versions', $2::jsonb)::text)`,
        [CONTRIBUTION_VERSIONS_CHANNEL, JSON.stringify(versions.slice(i, i + PER_NOTIFICATION))],
      );
    }
  }
  return written;
}

/** The rows table of the contribution list, whose commits `?minVersion` readers wait for. */
export const CONTRIBUTION_LIST_ROWS = 'contribution_list_contribution_rows';
/** Same payload as the article channel: `{"schema": …, "versions": [[contributionId, version], …]}`. */
export const CONTRIBUTION_VERSIONS_CHANNEL = 'newsroom_contribution_versions';
const PER_NOTIFICATION = 100;
