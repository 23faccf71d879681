import type { RedactionOrderView, RedactionStatus } from '@newsroom/contracts';
import { ApiError } from '../api/http';
import { sentenceOf } from '../article/refusal.sentence';

export const REDACTION_STATUS_LABELS: Record<RedactionStatus, string> = {
  pending: 'Pending a second admin',
  redacted: 'Redacted',
  declined: 'Declined',
};

/** Who decided an order, as the list says it: "Ada (confirmed)", or a dash while it waits. */
export function decidedBy(order: RedactionOrderView): string {
  if (order.confirmedBy) return `${order.confirmedBy.name} (confirmed)`;
  if (order.declinedBy) return `${order.declinedBy.name} (declined)`;
  return '—';
}

/** Four-eyes: a pending order is confirmed or declined by an admin other than the one who asked. */
export const mayDecide = (order: RedactionOrderView, userId: string) =>
  order.status === 'pending' && order.requestedBy.id !== userId;

/** "1 field", "3 fields". */
export const fieldCount = (n: number) => `${n} ${n === 1 ? 'field' : 'fields'}`;

/** What the admin reads after an order went through. */
export function orderedSentence(status: RedactionStatus, version: number): string {
  return status === 'pending'
    ? `The order is recorded as version ${version} and waits for a second admin to confirm it. ` +
        'Nothing is redacted until then.'
    : `Redacted: every version of the article now reads the passage as redacted (now version ${version}).`;
}

/**
 * A refused order as one sentence. The two refusals particular to redaction are said plainly; the
 * rest (a role, a session, the server) as every other write says them.
 */
export function redactionRefusal(err: unknown, doing = 'The redaction'): string {
  if (err instanceof ApiError) {
    if (err.status === 412) {
      return (
        'Someone changed the article since you opened it, so nothing was redacted. ' +
        'The workspace now shows the latest version; check the passage and order again.'
      );
    }
    if (err.body?.code === 'REDACTION_NEEDS_ERASURE') {
      const why = err.body.message || 'part of the passage cannot be erased yet';
      return `Nothing was redacted: ${why}. Try again in a minute.`;
    }
    if (err.body?.code === 'REDACTION_NOT_FOUND')
      return 'That order is no longer waiting for a decision: someone decided it first. The list is refreshed.';
    if (err.body?.code === 'PASSAGE_NOT_FOUND') {
      return (
        'Nothing was redacted: the passage was not found in any version of the article. ' +
        'It must be typed exactly as it stands.'
      );
    }
  }
  return sentenceOf(err, doing);
}
