import type { RedactionActor, RedactionOrderView } from '@newsroom/contracts';
import type {
  ArticleEventType,
  ContentRedacted,
  RedactionDeclined,
  RedactionRequested,
} from '@newsroom/editorial-domain';
import type { StoredEvent } from '@newsroom/event-store';

/** The events an article's redaction orders are read from. */
export const REDACTION_EVENT_TYPES = [
  'RedactionRequested',
  'RedactionDeclined',
  'ContentRedacted',
] as const satisfies readonly ArticleEventType[];

const actorOf = (e: StoredEvent): RedactionActor => ({ id: e.metadata.actor.id, name: e.metadata.actor.name });

type OrderFacts = Pick<RedactionOrderView, 'redactionId' | 'reason' | 'legalBasis' | 'reference'>;

function pending(facts: OrderFacts, requestedBy: RedactionActor, requestedAt: string): RedactionOrderView {
  const { redactionId, reason, legalBasis, reference } = facts;
  return {
    redactionId,
    status: 'pending',
    reason,
    legalBasis,
    reference,
    requestedBy,
    requestedAt,
    confirmedBy: null,
    redactedAt: null,
    declinedBy: null,
    declinedAt: null,
    fields: 0,
  };
}

/**
 * The redaction orders of an article, in the order they were made, from its events as stored: an
 * order's facts are stored in clear, its passage encrypted, and the passage is never opened here.
 */
export function redactionOrdersOf(events: readonly StoredEvent[]): RedactionOrderView[] {
  const orders = new Map<string, RedactionOrderView>();
  for (const e of events) {
    if (e.type === 'RedactionRequested') {
      const data = e.data as RedactionRequested['data'];
      orders.set(data.redactionId, pending(data, actorOf(e), e.occurredAt));
    } else if (e.type === 'RedactionDeclined') {
      const { redactionId, passageField } = e.data as RedactionDeclined['data'];
      const order = orders.get(redactionId);
      if (!order) continue;
      orders.set(redactionId, {
        ...order,
        status: 'declined',
        declinedBy: actorOf(e),
        declinedAt: e.occurredAt,
        fields: passageField.length,
      });
    } else if (e.type === 'ContentRedacted') {
      const data = e.data as ContentRedacted['data'];
      // Without four-eyes there was no request: the order was made and took effect at once.
      const requested = orders.get(data.redactionId)?.requestedAt ?? e.occurredAt;
      orders.set(data.redactionId, {
        ...pending(data, { id: data.requestedBy.id, name: data.requestedBy.name }, requested),
        status: 'redacted',
        confirmedBy: actorOf(e),
        redactedAt: data.redactedAt,
        fields: data.fields.length + data.erased.length,
      });
    }
  }
  return [...orders.values()];
}
