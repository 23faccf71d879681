import { ARTICLE_REDACTABLE_FIELDS } from '../article/article.redactable';
import { isArticleEventType } from '../article/article.events';
import { CONTRIBUTION_REDACTABLE_FIELDS } from '../contribution/contribution.redactable';
import { isContributionEventType } from '../contribution/contribution.events';

/**
 * The redactable field paths of any event type of the domain; none for a type it does not know
 * (user accounts, test counters), whose events are then stored as they are.
 */
export function redactableFields(type: string): readonly string[] {
  if (isArticleEventType(type)) return ARTICLE_REDACTABLE_FIELDS[type];
  if (isContributionEventType(type)) return CONTRIBUTION_REDACTABLE_FIELDS[type];
  return [];
}
