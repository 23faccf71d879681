import type { ActorRef } from '../shared/actor';
import type { ContributionContent, Credit } from './contribution.commands';

export type ContributionStatus = 'submitted' | 'changes_requested' | 'accepted' | 'rejected' | 'withdrawn';
export const CONTRIBUTION_STATUSES = [
  'submitted',
  'changes_requested',
  'accepted',
  'rejected',
  'withdrawn',
] as const satisfies readonly ContributionStatus[];

/** How an accepted contribution entered its article. */
export interface ContributionMerge {
  articleVersion: number;
  atBlock: number;
  credit: Credit;
  acceptedBy: ActorRef;
}

export interface ContributionSnapshot extends ContributionContent {
  status: ContributionStatus;
  contributionId: string;
  articleId: string;
  version: number;
  /** The reporter who submitted it: the only one who may revise or withdraw it. */
  author: ActorRef;
  /** The desk's latest request for changes, until the next revision. */
  deskNote: string | null;
  merge: ContributionMerge | null;
  rejection: { reason: string; rejectedBy: ActorRef } | null;
  submittedAt: string;
  updatedAt: string;
}

export type ContributionState = { status: 'none' } | ContributionSnapshot;

export const initialContributionState: ContributionState = Object.freeze({ status: 'none' });
