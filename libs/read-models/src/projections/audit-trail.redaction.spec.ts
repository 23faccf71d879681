import { isRedactedValue } from '@newsroom/contracts';
import type { ArticleEvent } from '@newsroom/editorial-domain';
import { evolveArticleRow, type ArticleRow } from './article-state.projection';
import { auditEntryOf, type AuditEntry } from './audit-trail.projection';
import { envelope } from './projection.fixtures';
import type { ProjectedEvent } from './projected-event';
import { CANARY, NOTICE, redactedStream } from './redaction.fixtures';

// Issue #12 in the audit trail: orders are recorded, passages never; history reads as redacted.

function entriesOf(events: ProjectedEvent[]): AuditEntry[] {
  let row: ArticleRow | null = null;
  return events.map((e) => {
    const entry = auditEntryOf(row, e);
    row = evolveArticleRow(row, e);
    return entry;
  });
}

const { live, replayed, redactionVersion } = redactedStream();
const history = live.filter((e) => e.version < redactionVersion);
const label = `Redacted ${NOTICE.redactedAt.slice(0, 10)} · ${NOTICE.legalBasis} · ${NOTICE.reference}`;
const order = {
  redactionId: 'redaction-1',
  reason: 'Names a source',
  legalBasis: 'Court order',
  reference: 'HC-1',
};

describe('the audit entry of a redaction request', () => {
  const requested: ArticleEvent = { type: 'RedactionRequested', data: { ...order, passage: CANARY } };
  const [entry] = entriesOf([...history, envelope(requested, redactionVersion)]).slice(-1);

  it('says a redaction was requested, under which order, and never holds the passage', () => {
    expect(entry.summary).toBe('Redaction requested: Court order (HC-1), order redaction-1');
    expect(entry.changes).toEqual([]);
    expect(JSON.stringify(entry)).not.toContain(CANARY);
  });
});

describe('the audit entry of a declined redaction', () => {
  const declined: ArticleEvent = {
    type: 'RedactionDeclined',
    data: { redactionId: 'redaction-1', passageField: [{ eventId: 'event-13', path: 'passage' }] },
  };

  it('says which order was declined', () => {
    const [entry] = entriesOf([...history, envelope(declined, redactionVersion)]).slice(-1);

    expect(entry.summary).toBe('Redaction declined: order redaction-1');
    expect(entry.changes).toEqual([]);
  });
});

describe('the audit trail replayed after a redaction', () => {
  const entries = entriesOf(replayed);
  const redaction = entries[entries.length - 1];

  it('tells the redaction by its order and how many fields it removed', () => {
    expect(redaction.type).toBe('ContentRedacted');
    expect(redaction.summary).toBe(
      `Content redacted: Court order (HC-2030-0117), order ${NOTICE.redactionId}, ` +
        `${redactedStream().fields.length} fields removed`,
    );
  });

  it('shows the redaction’s changes from the fields as redacted to the re-issued text', () => {
    const headline = redaction.changes.find((c) => c.field === 'headline')!;

    expect(isRedactedValue(headline.before)).toBe(true);
    expect(headline.after).toBe('Harbour deal:  speaks');
    expect(redaction.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['headline', 'body', 'contributors', 'photos', 'live.headline', 'corrections']),
    );
  });

  it('shows earlier events’ redacted values as markers, and their summaries with the order’s label', () => {
    expect(entries[0].summary).toBe('Article drafted: “Harbour deal under scrutiny”');
    expect(entries[1].summary).toBe(`Contributor credit added: ${label} (Port office)`);
    expect(entries[6].summary).toBe(`Correction issued: ${label}`);
    const body = entries[0].changes.find((c) => c.field === 'body')!.after as Array<Record<string, unknown>>;
    expect(isRedactedValue(body[0].text)).toBe(true);
    expect(body[2].text).toBe('The harbour authority declined to comment.');
  });

  it('holds the passage nowhere', () => {
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    expect(JSON.stringify(entriesOf(history))).toContain(CANARY);
  });
});
