import { assertNever } from '../shared/assert-never';
import { isIsoTimestamp } from '../shared/iso-time';
import type { ArticleCommand, DraftArticle } from './article.commands';
import {
  decideAddContributor,
  decideAttachPhoto,
  decideDetachPhoto,
  decideDraft,
  decideRemoveContributor,
  decideRevise,
  decideUpdatePhoto,
} from './article.decide-edits';
import {
  decideApprove,
  decideCancelSchedule,
  decideCorrection,
  decidePublish,
  decideRequestChanges,
  decideSchedule,
  decideSubmit,
  decideUnpublish,
} from './article.decide-workflow';
import { decideAssignReporter, decideUnassignReporter } from './article.decide-assignments';
import { decideMergeContribution } from './article.decide-merge';
import { decideConfirmRedaction, decideDeclineRedaction, decideRequestRedaction } from './article.decide-redaction';
import { ValidationFailed } from '../shared/domain-error';
import { ArticleAlreadyExists, ArticleNotFound } from './article.errors';
import type { ArticleEvent } from './article.events';
import { assertRoleMayActOn, assertRoleMayAttempt } from './article.permissions';
import type { ArticleSnapshot, ArticleState } from './article.state';
import { assertTransition } from './article.transitions';

/**
 * Decides what happens when `command` meets an article in `state`: the events to append, or a
 * thrown DomainError. Pure: time and identity come from `command.metadata` and `command.data`.
 *
 * Checks run in a fixed order: who may attempt it, whether the article exists, what this actor
 * may do to this article now (their own or a colleague's, the four-eyes rule), whether the
 * workflow allows it, and only then the input itself.
 */
export function decide(command: ArticleCommand, state: ArticleState): ArticleEvent[] {
  if (!isIsoTimestamp(command.metadata.now)) {
    throw new ValidationFailed([{ path: 'metadata.now', message: 'must be an ISO-8601 timestamp with a time zone' }]);
  }
  assertRoleMayAttempt(command);
  if (command.type === 'DraftArticle') {
    if (state.status !== 'none') throw new ArticleAlreadyExists(command.articleId);
    return decideDraft(command);
  }
  if (state.status === 'none') throw new ArticleNotFound(command.articleId);
  assertRoleMayActOn(command, state);
  assertTransition(command.type, state.status);
  return decideForExisting(command, state);
}

function decideForExisting(command: Exclude<ArticleCommand, DraftArticle>, state: ArticleSnapshot): ArticleEvent[] {
  switch (command.type) {
    case 'ReviseArticle':
      return decideRevise(command, state);
    case 'AddContributor':
      return decideAddContributor(command, state);
    case 'RemoveContributor':
      return decideRemoveContributor(command, state);
    case 'AttachPhoto':
      return decideAttachPhoto(command, state);
    case 'UpdatePhoto':
      return decideUpdatePhoto(command, state);
    case 'DetachPhoto':
      return decideDetachPhoto(command, state);
    case 'SubmitForReview':
      return decideSubmit(command);
    case 'RequestChanges':
      return decideRequestChanges(command);
    case 'ApproveArticle':
      return decideApprove(command);
    case 'PublishArticle':
      return decidePublish(command, state);
    case 'SchedulePublication':
      return decideSchedule(command, state);
    case 'CancelSchedule':
      return decideCancelSchedule(command);
    case 'UnpublishArticle':
      return decideUnpublish(command);
    case 'IssueCorrection':
      return decideCorrection(command);
    case 'AssignReporter':
      return decideAssignReporter(command, state);
    case 'UnassignReporter':
      return decideUnassignReporter(command, state);
    case 'MergeContribution':
      return decideMergeContribution(command, state);
    case 'RequestRedaction':
      return decideRequestRedaction(command, state);
    case 'ConfirmRedaction':
      return decideConfirmRedaction(command, state);
    case 'DeclineRedaction':
      return decideDeclineRedaction(command, state);
    default:
      return assertNever(command, 'article command');
  }
}
