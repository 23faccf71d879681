/**
 * The editorial domain: the article decider (`decide`, `evolve`) with its commands,
 * events, state, errors, content rules and permissions. Pure: it imports nothing outside itself.
 */
export * from './article/article.commands';
export * from './article/article.content';
export * from './article/article.decide';
export * from './article/article.decider';
export * from './article/article.errors';
export * from './shared/actor';
export * from './shared/domain-error';
export * from './article/article.events';
export { evolve, type EvolveMeta } from './article/article.evolve';
export {
  ROLE_PERMISSIONS,
  REPORTER_EDITABLE_STATUSES,
  REPORTER_OWN_ARTICLE_COMMANDS,
  isEditCommand,
  isRedactionCommand,
} from './article/article.permissions';
export { REDACTION_NOTE } from './article/article.decide-redaction';
export { REMOVED_TEXT } from './article/article.redaction-cut';
export * from './article/article.state';
export * from './article/article.stream';
export { ALLOWED_FROM } from './article/article.transitions';
export { LANGUAGE_TAG, type ValidationIssue } from './shared/validation';
export { isIsoTimestamp } from './shared/iso-time';
export { jsonEqual } from './shared/json-equal';
export { assertNever } from './shared/assert-never';
export { contributorNameKey } from './shared/text';
export * from './contribution/contribution.commands';
export * from './contribution/contribution.events';
export * from './contribution/contribution.state';
export * from './contribution/contribution.stream';
export * from './contribution/contribution.errors';
export * from './contribution/contribution.decide';
export * from './contribution/contribution.evolve';
export * from './contribution/contribution.decider';
export * from './contribution/contribution.acceptance';
export * from './contribution/contribution.redaction';
export { CONTRIBUTION_ALLOWED_FROM, CONTRIBUTION_ROLE_PERMISSIONS } from './contribution/contribution.rules';
export { CONTRIBUTION_LIMITS } from './contribution/contribution.validation';
export { ARTICLE_REDACTABLE_FIELDS } from './article/article.redactable';
export { CONTRIBUTION_REDACTABLE_FIELDS } from './contribution/contribution.redactable';
export { redactableFields } from './shared/redactable';
