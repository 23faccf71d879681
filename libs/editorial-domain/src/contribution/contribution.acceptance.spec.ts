import {
  articleDecider,
  ArticleNotFound,
  ContributionAlreadyMerged,
  contributionDecider,
  ContributionNotFound,
  decideAcceptance,
  Forbidden,
  InvalidTransition,
  ValidationFailed,
  type ArticleEvent,
  type ContributionEvent,
} from '@newsroom/editorial-domain';
import {
  acceptContribution,
  anAuditor,
  anEditor,
  aReporter,
  contributionAccepted,
  contributionChangesRequested,
  CONTRIBUTION_ID,
  contributionMerged,
  contributionRejected,
  contributionSubmitted,
  contributionWithdrawn,
  DEFAULT_POLICY,
  drafted,
  given,
  givenContribution,
  historyUntil,
} from '@newsroom/testing';

const twoBlocks = drafted({
  body: [
    { type: 'paragraph', text: 'First.' },
    { type: 'paragraph', text: 'Second.' },
  ],
});
const article = (...events: ArticleEvent[]) => given(...events).state;
const contribution = (...events: ContributionEvent[]) => givenContribution(...events).state;
const accept = (c = contribution(contributionSubmitted()), a = article(twoBlocks), command = acceptContribution()) =>
  decideAcceptance(command, c, a, DEFAULT_POLICY);

describe('accepting a submitted contribution', () => {
  it('merges it into the article and records the article version it became, in one decision', () => {
    const { article: merged, contribution: accepted } = accept(
      undefined,
      undefined,
      acceptContribution({ afterBlock: 1 }),
    );
    expect(merged.map((e) => e.type)).toEqual(['ContributionMerged']);
    expect(merged[0]!.data).toMatchObject({ atBlock: 1, author: { id: aReporter().id }, credited: true });
    expect(accepted).toEqual([
      {
        type: 'ContributionAccepted',
        data: {
          articleId: expect.any(String),
          articleVersion: 2,
          atBlock: 1,
          credit: { name: 'Rey Reporter', role: 'contributor' },
          acceptedBy: { id: anEditor().id, name: anEditor().name },
        },
      },
    ]);
    const after = contributionDecider.evolve(contribution(contributionSubmitted()), accepted[0]!);
    expect(after).toMatchObject({ status: 'accepted', merge: { articleVersion: 2, atBlock: 1 } });
  });

  it('credits the person the desk names when it adjusts the credit', () => {
    const credit = { name: 'Rey Reporter', role: 'photographer' as const, affiliation: 'Harbour Gazette' };
    const { article: merged, contribution: accepted } = accept(undefined, undefined, acceptContribution({ credit }));
    expect(merged[0]!.data).toMatchObject({ contributor: credit });
    expect(accepted[0]!.data).toMatchObject({ credit, atBlock: 2 });
  });

  it('refuses an adjusted credit that is invalid, naming the field', () => {
    const credit = { name: '', role: 'contributor' as const };
    expect(() => accept(undefined, undefined, acceptContribution({ credit }))).toThrow(ValidationFailed);
  });

  it('merges into a published article’s working copy only', () => {
    const published = article(...(historyUntil('published', [twoBlocks]) as ArticleEvent[]));
    const { article: merged } = accept(undefined, published);
    const after = articleDecider.evolve(published, merged[0]!);
    expect(after).toMatchObject({ status: 'published' });
    if (after.status === 'none') throw new Error('no article');
    expect([after.working.body.length, after.live!.content.body.length]).toEqual([3, 2]);
  });

  it('is refused by the article when the contribution is already merged, so a replay cannot duplicate it', () => {
    const merged = article(twoBlocks, contributionMerged({ contributionId: CONTRIBUTION_ID }));
    expect(() => accept(undefined, merged)).toThrow(ContributionAlreadyMerged);
  });

  it('names the article missing when it is gone', () => {
    expect(() => accept(undefined, article())).toThrow(ArticleNotFound);
  });

  it('refuses a position outside the article as it is now', () => {
    expect(() => accept(undefined, undefined, acceptContribution({ afterBlock: 7 }))).toThrow(ValidationFailed);
  });
});

describe('who may accept, and when', () => {
  it.each([
    ['a reporter, even its author', aReporter()],
    ['an auditor', anAuditor()],
  ])('%s may not', (_who, actor) => {
    expect(() => accept(undefined, undefined, acceptContribution({}, actor))).toThrow(Forbidden);
  });

  it('nothing is accepted that does not exist', () => {
    expect(() => accept(contribution())).toThrow(ContributionNotFound);
  });

  it.each([
    ['accepted (a retried accept)', contributionAccepted()],
    ['changes_requested', contributionChangesRequested()],
    ['rejected', contributionRejected()],
    ['withdrawn', contributionWithdrawn()],
  ])('a contribution that is %s is refused, naming the status; the article is not touched', (status, last) => {
    const refusal = (() => {
      try {
        accept(contribution(contributionSubmitted(), last));
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidTransition);
    expect(refusal).toMatchObject({ currentStatus: status.split(' ')[0], command: 'AcceptContribution' });
  });
});
