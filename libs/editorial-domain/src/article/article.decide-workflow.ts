import { jsonEqual, withoutUndefined } from '../shared/json-equal';
import { isBefore } from '../shared/iso-time';
import type {
  ApproveArticle,
  CancelSchedule,
  IssueCorrection,
  PublishArticle,
  RequestChanges,
  SchedulePublication,
  SubmitForReview,
  UnpublishArticle,
  UpdateKind,
} from './article.commands';
import { ARTICLE_LIMITS, CORRECTION_KINDS } from './article.content';
import { EmbargoNotReached, NothingToPublish } from './article.errors';
import type { ArticleEvent } from './article.events';
import type { ArticleSnapshot } from './article.state';
import { ALLOWED_FROM } from './article.transitions';
import { isoTimestamp, oneOf, requiredText, throwIfInvalid, type ValidationIssue } from '../shared/validation';

const UPDATE_KINDS = ['major', 'minor'] as const satisfies readonly UpdateKind[];

export function decideSubmit(_command: SubmitForReview): ArticleEvent[] {
  return [{ type: 'SubmittedForReview', data: {} }];
}

export function decideRequestChanges(command: RequestChanges): ArticleEvent[] {
  const issues: ValidationIssue[] = [];
  requiredText(issues, 'note', command.data.note, ARTICLE_LIMITS.noteMaxLength);
  throwIfInvalid(issues);
  return [{ type: 'ChangesRequested', data: { note: command.data.note } }];
}

export function decideApprove(_command: ApproveArticle): ArticleEvent[] {
  return [{ type: 'ArticleApproved', data: {} }];
}

export function decidePublish(command: PublishArticle, state: ArticleSnapshot): ArticleEvent[] {
  const { actor, now } = command.metadata;
  if (state.status === 'published' && state.live && jsonEqual(state.working, state.live.content)) {
    throw new NothingToPublish(state.live.version, [...ALLOWED_FROM.PublishArticle]);
  }
  const issues: ValidationIssue[] = [];
  if (command.data.updateKind !== undefined) oneOf(issues, 'updateKind', command.data.updateKind, UPDATE_KINDS);
  throwIfInvalid(issues);
  assertEmbargoLifted(state, now);
  return [
    {
      type: 'ArticlePublished',
      data: withoutUndefined({
        // The version of the working copy being published: the state before this event.
        publishedVersion: state.version,
        publishedAt: now,
        // Whatever the caller asks, the first time an article goes live is its initial publication.
        updateKind: state.live === null ? 'initial' : (command.data.updateKind ?? 'minor'),
        scheduledBy: actor.role === 'system' ? state.scheduled?.scheduledBy : undefined,
      }),
    },
  ];
}

export function decideSchedule(command: SchedulePublication, state: ArticleSnapshot): ArticleEvent[] {
  const { actor, now } = command.metadata;
  const { publishAt } = command.data;
  const issues: ValidationIssue[] = [];
  isoTimestamp(issues, 'publishAt', publishAt);
  if (issues.length === 0 && !isBefore(now, publishAt)) {
    issues.push({ path: 'publishAt', message: `must be after the current time ${now}` });
  }
  throwIfInvalid(issues);
  assertEmbargoLifted(state, publishAt);
  return [{ type: 'PublicationScheduled', data: { publishAt, scheduledBy: { id: actor.id, name: actor.name } } }];
}

export function decideCancelSchedule(_command: CancelSchedule): ArticleEvent[] {
  return [{ type: 'ScheduleCancelled', data: {} }];
}

export function decideUnpublish(command: UnpublishArticle): ArticleEvent[] {
  const issues: ValidationIssue[] = [];
  requiredText(issues, 'reason', command.data.reason, ARTICLE_LIMITS.reasonMaxLength);
  throwIfInvalid(issues);
  return [{ type: 'ArticleUnpublished', data: { reason: command.data.reason, unpublishedAt: command.metadata.now } }];
}

export function decideCorrection(command: IssueCorrection): ArticleEvent[] {
  const { text, kind } = command.data;
  const issues: ValidationIssue[] = [];
  requiredText(issues, 'text', text, ARTICLE_LIMITS.correctionMaxLength);
  oneOf(issues, 'kind', kind, CORRECTION_KINDS);
  throwIfInvalid(issues);
  return [{ type: 'CorrectionIssued', data: { correction: { text, kind, issuedAt: command.metadata.now } } }];
}

/** The embargo belongs to the content, so it is the working copy's embargo that must have passed. */
function assertEmbargoLifted(state: ArticleSnapshot, goingLiveAt: string): void {
  const { embargoUntil } = state.working;
  if (embargoUntil !== null && isBefore(goingLiveAt, embargoUntil))
    throw new EmbargoNotReached(embargoUntil, goingLiveAt);
}
