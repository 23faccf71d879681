import { ContributionAlreadyMerged, ValidationFailed } from '@newsroom/editorial-domain';
import {
  aColleague,
  contributionMerged,
  contributorAdded,
  drafted,
  given,
  historyUntil,
  mergeContribution,
} from '@newsroom/testing';

const twoBlocks = drafted({
  body: [
    { type: 'paragraph', text: 'First.' },
    { type: 'paragraph', text: 'Second.' },
  ],
});

describe('merging an accepted contribution into the article', () => {
  it('inserts the blocks after the given number of blocks and credits the author', () => {
    given(twoBlocks)
      .when(mergeContribution({ afterBlock: 1 }))
      .then(contributionMerged({}, 1));
    given(twoBlocks)
      .when(mergeContribution({ afterBlock: 1 }))
      .thenState((s) => {
        if (s.status === 'none') throw new Error('no article');
        expect(s.working.body.map((b) => ('text' in b ? b.text : ''))).toEqual([
          'First.',
          'Harbour workers said the ferries would return on Monday.',
          'Second.',
        ]);
        expect(s.working.contributors.map((c) => c.name)).toEqual([aColleague().name]);
        expect(s.mergedContributions).toEqual(['contribution-1']);
      });
  });

  it('inserts at the end when no position is given', () => {
    given(twoBlocks).when(mergeContribution()).then(contributionMerged({}, 2));
  });

  it('refuses the same contribution a second time, so a retried accept never duplicates its text', () => {
    given(twoBlocks, contributionMerged())
      .when(mergeContribution())
      .thenThrows(ContributionAlreadyMerged, { contributionId: 'contribution-1' });
  });

  it('merges a second, different contribution', () => {
    given(twoBlocks, contributionMerged())
      .when(mergeContribution({ contributionId: 'contribution-2', afterBlock: 0 }))
      .thenEventTypes('ContributionMerged');
  });

  it.each([-1, 3, 1.5])('refuses position %s outside the body, naming afterBlock', (afterBlock) => {
    given(twoBlocks)
      .when(mergeContribution({ afterBlock }))
      .thenThrows(ValidationFailed, { details: [{ path: 'afterBlock', message: expect.stringContaining('0 to 2') }] });
  });

  it('keeps an existing credit for the same person in the same role rather than crediting them twice', () => {
    const existing = { contributorId: 'c-1', name: aColleague().name, role: 'contributor' as const };
    given(twoBlocks, contributorAdded(existing))
      .when(mergeContribution())
      .thenState((s) => {
        if (s.status === 'none') throw new Error('no article');
        expect(s.working.contributors).toEqual([existing]);
      });
  });

  it('changes the working copy of a published article, not what readers see', () => {
    given(...historyUntil('published', [twoBlocks]))
      .when(mergeContribution())
      .thenState((s) => {
        if (s.status === 'none') throw new Error('no article');
        expect(s.status).toBe('published');
        expect(s.working.body).toHaveLength(3);
        expect(s.live!.content.body).toHaveLength(2);
      });
  });
});
