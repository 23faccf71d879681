import type { ContributionEventEnvelope } from '@newsroom/contracts';
import type { ContributionSnapshot, ContributionStatus } from '@newsroom/editorial-domain';
import { evolveContributionRow, type ContributionRow } from './contribution-state.projection';

/**
 * Table `contribution_list`: one row per contribution, read two ways: by article (the desk's
 * inbox) and by author (a reporter's own list, with status and outcome). The item is what the API
 * serves, the contribution as its stream folds it; the columns are what the lists filter and order on.
 */
export interface ContributionListRow {
  contributionId: string;
  articleId: string;
  authorId: string;
  status: ContributionStatus;
  version: number;
  submittedAt: string;
  updatedAt: string;
  item: ContributionSnapshot;
}

export function contributionListRowOf(row: ContributionRow): ContributionListRow {
  const { updatedBy: _updatedBy, lastPosition: _lastPosition, ...item } = row;
  return {
    contributionId: row.contributionId,
    articleId: row.articleId,
    authorId: row.author.id,
    status: row.status,
    version: row.version,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    item,
  };
}

/** The list row after one event, given the contribution row before it. */
export function evolveContributionListRow(
  previous: ContributionRow | null,
  e: ContributionEventEnvelope,
): ContributionListRow {
  return contributionListRowOf(evolveContributionRow(previous, e));
}
