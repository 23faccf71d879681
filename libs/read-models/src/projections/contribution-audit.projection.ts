import type { ContributionEventEnvelope, FieldChange } from '@newsroom/contracts';
import type { AuditEntry } from './audit-trail.projection';
import { assertNever, type Credit } from '@newsroom/editorial-domain';
import { toContributionEvent, type ContributionRow } from './contribution-state.projection';
import { textOf } from './redacted-text';

/**
 * Table `contribution_audit_trail`: insert-only, one entry per contribution event, unique on
 * (contributionId, version), linked to the article the contribution belongs to so that the
 * newsroom-wide audit log, filtered by article, shows what was proposed to it and what became of it.
 */
export interface ContributionAuditEntry extends Omit<AuditEntry, 'version'> {
  contributionId: string;
  version: number;
  position: number;
}

const MAX = 120;
// Replayed history carries redaction markers where text used to be: they read as their order.
const oneLine = (s: unknown) => {
  const line = textOf(s).replace(/\s+/g, ' ').trim();
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
};
const creditOf = (c: Credit) => `${oneLine(c.name)}, ${c.role}${c.affiliation ? ` (${oneLine(c.affiliation)})` : ''}`;

/** The entry of one event; `after` is the contribution row it produced (for the article id and status). */
export function contributionAuditEntryOf(
  before: ContributionRow | null,
  e: ContributionEventEnvelope,
  after: ContributionRow,
): ContributionAuditEntry {
  const event = toContributionEvent(e);
  const status: FieldChange[] =
    before?.status === after.status ? [] : [{ field: 'status', before: before?.status ?? null, after: after.status }];
  return {
    articleId: after.articleId,
    contributionId: after.contributionId,
    version: e.version,
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    actor: { ...e.actor },
    summary: summaryOf(event),
    changes: status,
    position: e.position,
  };

  function summaryOf(ev: ReturnType<typeof toContributionEvent>): string {
    switch (ev.type) {
      case 'ContributionSubmitted':
        return `Contribution submitted, asking credit as ${creditOf(ev.data.credit)}`;
      case 'ContributionRevised':
        return `Contribution revised: ${Object.keys(ev.data.changes).sort().join(', ') || 'no change'}`;
      case 'ContributionWithdrawn':
        return 'Contribution withdrawn by its author';
      case 'ContributionChangesRequested':
        return `Changes requested on a contribution: ${oneLine(ev.data.note)}`;
      case 'ContributionAccepted': {
        const { articleVersion, credit } = ev.data;
        return `Contribution accepted and merged (article version ${articleVersion}), credited ${creditOf(credit)}`;
      }
      case 'ContributionRejected':
        return `Contribution rejected: ${oneLine(ev.data.reason)}`;
      case 'ContributionRedacted': {
        const { redactionId, legalBasis, reference, fields, erased } = ev.data;
        const n = fields.length + erased.length;
        return (
          `Content redacted with the article: order ${oneLine(redactionId)} (${oneLine(legalBasis)}, ` +
          `${oneLine(reference)}), ${n} field${n === 1 ? '' : 's'} removed`
        );
      }
      default:
        return assertNever(ev, 'contribution event');
    }
  }
}
