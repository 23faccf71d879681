import {
  ARTICLE_COMMAND_TYPES,
  EDIT_COMMAND_TYPES,
  REDACTION_COMMAND_TYPES,
  type ArticleCommand,
  type ArticleCommandType,
  type DraftArticle,
} from './article.commands';
import type { ActingRole } from '../shared/actor';
import { Forbidden } from '../shared/domain-error';
import type { ArticleSnapshot, ArticleStatus } from './article.state';
import { isBefore } from '../shared/iso-time';

/** Commands each acting role may ever attempt; limits that depend on the article are below. */
export const ROLE_PERMISSIONS: { readonly [R in ActingRole]: readonly ArticleCommandType[] } = {
  reporter: ['DraftArticle', ...EDIT_COMMAND_TYPES, 'SubmitForReview'],
  // A legal redaction destroys text for good: the admins' alone (issue #12).
  editor: ARTICLE_COMMAND_TYPES.filter((t) => !isRedactionCommand(t)),
  admin: ARTICLE_COMMAND_TYPES,
  auditor: [],
  system: ['PublishArticle'],
};

/**
 * What a reporter may do only to an article of their own (one they drafted or are assigned to):
 * every edit, and sending it to the desk. Everyone else contributes through contributions.
 */
export const REPORTER_OWN_ARTICLE_COMMANDS = [
  ...EDIT_COMMAND_TYPES,
  'SubmitForReview',
] as const satisfies readonly ArticleCommandType[];

/** A reporter's edits stop once the article is with the desk, and resume when it is sent back. */
export const REPORTER_EDITABLE_STATUSES = ['draft', 'changes_requested'] as const satisfies readonly ArticleStatus[];

const REFUSAL_REASONS: { readonly [R in ActingRole]: string } = {
  reporter: 'reporters may draft, edit and submit articles; reviewing, assigning and publishing are for editors',
  editor: 'editors may not do this',
  admin: 'admins may not do this',
  auditor: 'auditors have read-only access',
  system: 'the scheduler may only publish scheduled articles',
};

/**
 * Refuses a command the acting role may never attempt, whatever the article's state, so a
 * reporter trying to publish hears "forbidden" rather than a hint about the workflow.
 */
export function assertRoleMayAttempt(command: ArticleCommand): void {
  const { role, roles } = command.metadata.actor;
  // The role is claimed by the caller; acting in a role one does not hold is refused outright.
  if (!roles.includes(role)) {
    throw new Forbidden(role, command.type, `the actor does not hold the ${role} role`);
  }
  const allowed: readonly ArticleCommandType[] | undefined = ROLE_PERMISSIONS[role];
  if (!allowed?.includes(command.type)) {
    const reason = isRedactionCommand(command.type) ? 'legal redactions are for admins' : REFUSAL_REASONS[role];
    throw new Forbidden(role, command.type, reason ?? `unknown role ${role}`);
  }
}

/**
 * Refuses what a role may do only to some articles, or only at some times: a reporter's work on a
 * colleague's article, an approval by the article's last author (under the four-eyes policy), and
 * the scheduler publishing anything but a due schedule.
 */
export function assertRoleMayActOn(command: Exclude<ArticleCommand, DraftArticle>, state: ArticleSnapshot): void {
  const { role, id } = command.metadata.actor;
  if (role === 'reporter' && isReporterOwnArticleCommand(command.type) && !isReportersOwn(state, id)) {
    throw new Forbidden(
      role,
      command.type,
      'reporters may only change articles they drafted or are assigned to; ' +
        `this one was drafted by ${state.createdBy.name}`,
    );
  }
  if (command.type === 'ApproveArticle' && command.metadata.policy.fourEyesApproval && state.lastAuthor.id === id) {
    throw new Forbidden(
      role,
      command.type,
      'four-eyes rule: the approver must not be the last author of the article; ' +
        `${state.lastAuthor.name} made the latest change to its content`,
    );
  }
  if (role === 'reporter' && isEditCommand(command.type) && !isReporterEditable(state.status)) {
    throw new Forbidden(
      role,
      command.type,
      `reporters may only edit an article that is draft or changes_requested; this one is ${state.status}`,
    );
  }
  if (role === 'system') {
    if (state.status !== 'scheduled' || state.scheduled === null) {
      throw new Forbidden(
        role,
        command.type,
        `the scheduler may only publish a scheduled article; this one is ${state.status}`,
      );
    }
    if (isBefore(command.metadata.now, state.scheduled.publishAt)) {
      throw new Forbidden(
        role,
        command.type,
        `the article is scheduled for ${state.scheduled.publishAt}, which has not been reached`,
      );
    }
  }
}

export function isRedactionCommand(type: ArticleCommandType): boolean {
  return (REDACTION_COMMAND_TYPES as readonly ArticleCommandType[]).includes(type);
}

export function isEditCommand(type: ArticleCommandType): boolean {
  return (EDIT_COMMAND_TYPES as readonly ArticleCommandType[]).includes(type);
}

function isReporterOwnArticleCommand(type: ArticleCommandType): boolean {
  return (REPORTER_OWN_ARTICLE_COMMANDS as readonly ArticleCommandType[]).includes(type);
}

function isReportersOwn(state: ArticleSnapshot, actorId: string): boolean {
  return state.createdBy.id === actorId || state.assignees.some((a) => a.id === actorId);
}

function isReporterEditable(status: ArticleStatus): boolean {
  return (REPORTER_EDITABLE_STATUSES as readonly ArticleStatus[]).includes(status);
}
