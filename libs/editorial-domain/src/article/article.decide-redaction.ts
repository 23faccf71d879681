import type { ActorRef } from '../shared/actor';
import { Forbidden } from '../shared/domain-error';
import { requiredText, throwIfInvalid, type Issues } from '../shared/validation';
import type { ConfirmRedaction, DeclineRedaction, LocatedPassage, RequestRedaction } from './article.commands';
import { ARTICLE_LIMITS as L } from './article.content';
import { PassageNotFound, RedactionNotFound, RedactionPassageUnreadable } from './article.errors';
import type { ArticleEvent, ContentRedacted, FieldReference, RedactionOrder } from './article.events';
import { contentHolds, redactContent, redactCorrection } from './article.redaction-cut';
import type { ArticleSnapshot, PendingRedaction } from './article.state';

/** What readers of the live story are told after a redaction, like a correction's text. */
export const REDACTION_NOTE = 'Part of this article has been removed for legal reasons.';

/**
 * A legal redaction (issue #12). Alone, the admin's order takes effect at once; under the
 * four-eyes setting it waits for a second admin. A passage found nowhere (no stored field, no
 * text of the article as it now reads) is refused, so that a typo is not recorded as an order.
 */
export function decideRequestRedaction(command: RequestRedaction, state: ArticleSnapshot): ArticleEvent[] {
  const { redactionId, passage, reason, legalBasis, reference, located } = command.data;
  const issues: Issues = [];
  requiredText(issues, 'redactionId', redactionId, Infinity);
  requiredText(issues, 'passage', passage, L.passageMaxLength);
  requiredText(issues, 'reason', reason, L.reasonMaxLength);
  requiredText(issues, 'legalBasis', legalBasis, L.legalBasisMaxLength);
  requiredText(issues, 'reference', reference, L.referenceMaxLength);
  throwIfInvalid(issues);
  if (isEmpty(located) && !stateHolds(state, passage)) throw new PassageNotFound();
  const order = { redactionId, reason, legalBasis, reference };
  if (command.metadata.policy.fourEyesRedaction) {
    return [{ type: 'RedactionRequested', data: { ...order, passage } }];
  }
  const { actor, now } = command.metadata;
  return [contentRedacted(state, order, passage, { id: actor.id, name: actor.name }, located, now)];
}

/** The second admin's confirmation: anyone but the admin who asked. */
export function decideConfirmRedaction(command: ConfirmRedaction, state: ArticleSnapshot): ArticleEvent[] {
  const pending = pendingOrThrow(state, command.data.redactionId);
  const { actor, now } = command.metadata;
  if (pending.requestedBy.id === actor.id) {
    throw new Forbidden(
      actor.role,
      command.type,
      'four-eyes rule: a redaction must be confirmed by an admin other than the one who requested it',
    );
  }
  // Made unreadable by a redaction decided meanwhile: what it asked for can no longer be told.
  if (typeof pending.passage !== 'string') throw new RedactionPassageUnreadable(pending.redactionId);
  const { redactionId, reason, legalBasis, reference, passage, requestedBy } = pending;
  const order = { redactionId, reason, legalBasis, reference };
  return [contentRedacted(state, order, passage, requestedBy, command.data.located, now)];
}

/** Declining removes nothing from the article; the request's passage becomes unreadable all the same. */
export function decideDeclineRedaction(command: DeclineRedaction, state: ArticleSnapshot): ArticleEvent[] {
  const { redactionId } = pendingOrThrow(state, command.data.redactionId);
  return [{ type: 'RedactionDeclined', data: { redactionId, passageField: dedupe(command.data.passageField) } }];
}

function contentRedacted(
  state: ArticleSnapshot,
  order: RedactionOrder,
  passage: string,
  requestedBy: ActorRef,
  located: LocatedPassage,
  now: string,
): ContentRedacted {
  return {
    type: 'ContentRedacted',
    data: {
      ...order,
      requestedBy: { id: requestedBy.id, name: requestedBy.name },
      redactedAt: now,
      fields: dedupe(located.fields),
      erased: dedupe(located.erased),
      working: redactContent(state.working, passage),
      live: state.live ? redactContent(state.live.content, passage) : null,
      corrections: state.corrections.map((c) => redactCorrection(c, passage)),
      note: REDACTION_NOTE,
    },
  };
}

function pendingOrThrow(state: ArticleSnapshot, redactionId: string): PendingRedaction {
  const pending = (state.pendingRedactions ?? []).find((r) => r.redactionId === redactionId);
  if (!pending) throw new RedactionNotFound(redactionId);
  return pending;
}

function stateHolds(state: ArticleSnapshot, passage: string): boolean {
  return (
    contentHolds(state.working, passage) ||
    (state.live !== null && contentHolds(state.live.content, passage)) ||
    state.corrections.some((c) => redactCorrection(c, passage) !== c)
  );
}

function isEmpty(located: LocatedPassage): boolean {
  return located.fields.length === 0 && located.erased.length === 0;
}

/** A field found twice (the caller searched again after a conflict) is one field. */
function dedupe(refs: readonly FieldReference[]): FieldReference[] {
  const seen = new Map(refs.map((r) => [`${r.eventId}\u0000${r.path}`, { eventId: r.eventId, path: r.path }]));
  return [...seen.values()];
}
