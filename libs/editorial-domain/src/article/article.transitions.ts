import type { ArticleCommandType } from './article.commands';
import { InvalidTransition } from '../shared/domain-error';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.state';

type CommandOnExistingArticle = Exclude<ArticleCommandType, 'DraftArticle'>;

/**
 * The workflow: the statuses from which each command may run. Edits are open in every status;
 * what they touch is the working copy, and readers see it only at the next publication.
 * DraftArticle is absent: it is the only command for an article that does not exist yet.
 */
export const ALLOWED_FROM: { readonly [T in CommandOnExistingArticle]: readonly ArticleStatus[] } = {
  ReviseArticle: ARTICLE_STATUSES,
  AddContributor: ARTICLE_STATUSES,
  RemoveContributor: ARTICLE_STATUSES,
  AttachPhoto: ARTICLE_STATUSES,
  UpdatePhoto: ARTICLE_STATUSES,
  DetachPhoto: ARTICLE_STATUSES,
  SubmitForReview: ['draft', 'changes_requested'],
  RequestChanges: ['in_review'],
  ApproveArticle: ['in_review'],
  SchedulePublication: ['approved'],
  CancelSchedule: ['scheduled'],
  PublishArticle: ['approved', 'scheduled', 'published', 'unpublished'],
  UnpublishArticle: ['published'],
  IssueCorrection: ['published'],
  // Assigning lets a reporter in, so only while a reporter's work can still be asked for; taking
  // access away is never harmful, so it is open in every status.
  AssignReporter: ['draft', 'in_review', 'changes_requested'],
  UnassignReporter: ARTICLE_STATUSES,
  // An edit like any other: on a published article it changes the working copy, live at the next publication.
  MergeContribution: ARTICLE_STATUSES,
  // A court order does not wait for the workflow: every version of every status holds the text.
  RequestRedaction: ARTICLE_STATUSES,
  ConfirmRedaction: ARTICLE_STATUSES,
  DeclineRedaction: ARTICLE_STATUSES,
};

export function assertTransition(command: CommandOnExistingArticle, currentStatus: ArticleStatus): void {
  const allowedFrom = ALLOWED_FROM[command];
  if (!allowedFrom.includes(currentStatus)) {
    throw new InvalidTransition({ currentStatus, command, allowedFrom: [...allowedFrom] });
  }
}
