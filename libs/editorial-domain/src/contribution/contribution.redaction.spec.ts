import { contributionRedaction } from '@newsroom/editorial-domain';
import { contentRedacted } from '@newsroom/testing';

describe("an article's redaction, as a contribution merged into it records it", () => {
  const redacted = contentRedacted({
    fields: [
      { eventId: 'article-event', path: 'changes.body[0].text' },
      { eventId: 'contribution-event', path: 'blocks[1].text' },
    ],
    erased: [{ eventId: 'contribution-event', path: 'credit.name' }],
  }).data;

  it('names the order and only the fields of that contribution', () => {
    expect(contributionRedaction(redacted, new Set(['contribution-event']))).toEqual({
      type: 'ContributionRedacted',
      data: {
        redactionId: redacted.redactionId,
        reason: redacted.reason,
        legalBasis: redacted.legalBasis,
        reference: redacted.reference,
        redactedAt: redacted.redactedAt,
        fields: [{ eventId: 'contribution-event', path: 'blocks[1].text' }],
        erased: [{ eventId: 'contribution-event', path: 'credit.name' }],
      },
    });
  });

  it('is nothing for a contribution the passage was not in', () => {
    expect(contributionRedaction(redacted, new Set(['another-event']))).toBeUndefined();
  });
});
