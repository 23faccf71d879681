import type { ContentRedacted } from '../article/article.events';
import type { ContributionRedacted } from './contribution.events';

/**
 * What an article's redaction records in one of the contributions merged into it: the order, and
 * the fields of that contribution's own events it made unreadable (`eventIds`: the ids of its
 * events). None when the passage was in none of them.
 */
export function contributionRedaction(
  redacted: ContentRedacted['data'],
  eventIds: ReadonlySet<string>,
): ContributionRedacted | undefined {
  const fields = redacted.fields.filter((f) => eventIds.has(f.eventId));
  const erased = redacted.erased.filter((f) => eventIds.has(f.eventId));
  if (fields.length === 0 && erased.length === 0) return undefined;
  const { redactionId, reason, legalBasis, reference, redactedAt } = redacted;
  return {
    type: 'ContributionRedacted',
    data: { redactionId, reason, legalBasis, reference, redactedAt, fields, erased },
  };
}
