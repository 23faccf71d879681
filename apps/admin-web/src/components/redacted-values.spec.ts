import { describe, expect, it } from '@jest/globals';
import { redactedAsLabels } from './redacted-values';

const marker = {
  $redacted: {
    kid: 'k1',
    redactionId: 'r1',
    redactedAt: '2026-12-02T08:00:00.000Z',
    legalBasis: 'Court order',
    reference: 'HC-2026-17',
  },
};

describe('an API answer holding redacted values', () => {
  it('reads each one as its order’s label, wherever it stands', () => {
    const answer = {
      items: [
        {
          summary: 'Headline changed',
          changes: [{ field: 'headline', before: marker, after: 'Harbour deal' }],
        },
      ],
      working: { body: [{ type: 'quote', text: 'Nobody was meant to see these.', attribution: marker }] },
    };

    const read = JSON.parse(JSON.stringify(answer), redactedAsLabels);

    const label = 'Redacted 2026-12-02 · Court order · HC-2026-17';
    expect(read.items[0].changes[0]).toEqual({ field: 'headline', before: label, after: 'Harbour deal' });
    expect(read.working.body[0].attribution).toBe(label);
  });

  it('leaves user text shaped like nothing of the kind alone', () => {
    const answer = { headline: '{"$redacted":{}}', tags: ['$redacted'] };

    expect(JSON.parse(JSON.stringify(answer), redactedAsLabels)).toEqual(answer);
  });
});
