import type { ContributionSnapshot, ContributionStatus } from '@newsroom/editorial-domain';
import type { ContributionListRow } from '../projections/contribution-list.projection';
import { OPEN_CONTRIBUTION_STATUSES } from '../projections/contribution-state.projection';
import { asRecordset, liveTables, type Db, type TableNames } from './recordset';

// Table `contribution_list`: one row per contribution, by article (the inbox) and by author.

/** Upserts the rows; a row only ever moves to a newer version. */
export async function upsertContributionRows(
  db: Db,
  rows: readonly ContributionListRow[],
  t: TableNames = liveTables,
): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((r) => ({
    contribution_id: r.contributionId,
    article_id: r.articleId,
    author_id: r.authorId,
    status: r.status,
    version: r.version,
    submitted_at: r.submittedAt,
    updated_at: r.updatedAt,
    item: r.item,
  }));
  await db.query(
    `INSERT INTO ${t('contribution_list')} AS l (contribution_id, article_id, author_id, status, version,
       submitted_at, updated_at, item)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(contribution_id uuid, article_id uuid, author_id text,
       status text, version int, submitted_at timestamptz, updated_at timestamptz, item jsonb)
     ON CONFLICT (contribution_id) DO UPDATE SET status = excluded.status, version = excluded.version,
       updated_at = excluded.updated_at, item = excluded.item
     WHERE l.version < excluded.version`,
    [asRecordset(records)],
  );
}

export interface ContributionListFilter {
  articleId?: string;
  authorId?: string;
  status?: ContributionStatus;
}

/**
 * The contributions of an article (oldest first, the order the desk received them) or of an
 * author (sent-back ones first, with the desk's notes, then the most recently changed).
 */
export async function listContributions(
  db: Db,
  q: ContributionListFilter,
  limit: number,
): Promise<ContributionSnapshot[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (q.articleId) where.push(`article_id = ${p(q.articleId)}::uuid`);
  if (q.authorId) where.push(`author_id = ${p(q.authorId)}`);
  if (q.status) where.push(`status = ${p(q.status)}`);
  const order = q.articleId
    ? 'submitted_at, contribution_id'
    : `status = 'changes_requested' DESC, updated_at DESC, contribution_id`;
  const rows: Array<{ item: ContributionSnapshot }> = await db.query(
    `SELECT item FROM contribution_list ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order} LIMIT ${p(limit)}`,
    params,
  );
  return rows.map((r) => r.item);
}

/** The projected version of a contribution, 0 when not projected yet. */
export async function projectedContributionVersion(db: Db, contributionId: string): Promise<number> {
  const [r] = await db.query(`SELECT version FROM contribution_list WHERE contribution_id = $1`, [contributionId]);
  return r?.version ?? 0;
}

/** SQL counting the open contributions of the article in column `articleColumn` (the board card's count). */
export function openContributionsOf(articleColumn: string): string {
  const open = OPEN_CONTRIBUTION_STATUSES.map((s) => `'${s}'`).join(', ');
  return `(SELECT count(*)::int FROM contribution_list c
     WHERE c.article_id = ${articleColumn} AND c.status IN (${open}))`;
}
