import {
  ALLOWED_FROM,
  ROLE_PERMISSIONS,
  type ArticleCommandType,
  type ArticleStatus,
  type Role,
} from '@newsroom/contracts';

/** Whether any of the user's roles may ever attempt the command; the article's state is checked apart. */
export function mayAttempt(roles: readonly Role[], command: ArticleCommandType): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(command));
}

/** Whether a user may write at all: auditors read only. */
export const mayWrite = (roles: readonly Role[]) => mayAttempt(roles, 'ReviseArticle');

/** The statuses a command runs from, or null when it runs from every status. */
export function allowedFrom(command: Exclude<ArticleCommandType, 'DraftArticle'>): readonly ArticleStatus[] {
  return ALLOWED_FROM[command];
}
