import {
  ARTICLE_ID,
  CONTRIBUTION_ID,
  contributionAccepted,
  contributionChangesRequested,
  contributionRejected,
  contributionRevised,
  contributionSubmitted,
  contributionWithdrawn,
} from '@newsroom/testing';
import type { ContributionEvent } from '@newsroom/editorial-domain';
import { contributionAuditEntryOf } from './contribution-audit.projection';
import { contributionEnvelope, contributionRowAfter } from './contribution.fixtures';
import { evolveContributionRow } from './contribution-state.projection';
import { AN_EDITOR } from './projection.fixtures';

/** The entry of `event` as the next version after `history`. */
function entryAfter(history: ContributionEvent[], event: ContributionEvent) {
  const before = contributionRowAfter(...history);
  const e = contributionEnvelope(event, history.length + 1);
  return contributionAuditEntryOf(before, e, evolveContributionRow(before, e));
}

describe('the audit entries of contribution events', () => {
  it('links each entry to the article the contribution was proposed to', () => {
    const entry = entryAfter([], contributionSubmitted());

    expect(entry).toMatchObject({
      articleId: ARTICLE_ID,
      contributionId: CONTRIBUTION_ID,
      version: 1,
      type: 'ContributionSubmitted',
      summary: 'Contribution submitted, asking credit as Rey Reporter, contributor',
      changes: [{ field: 'status', before: null, after: 'submitted' }],
      position: 2001,
    });
  });

  it.each([
    [contributionChangesRequested('Name  the\\ncaptain.'), 'Changes requested on a contribution: Name the\\ncaptain.'],
    [
      contributionAccepted(4, 1),
      'Contribution accepted and merged (article version 4), credited Rey Reporter, contributor',
    ],
    [contributionRejected('Unsourced.'), 'Contribution rejected: Unsourced.'],
    [contributionWithdrawn(), 'Contribution withdrawn by its author'],
  ])('summarises %j for people', (event, summary) => {
    const entry = entryAfter([contributionSubmitted()], event);
    expect(entry.summary).toBe(summary);
    expect(entry.changes).toEqual([{ field: 'status', before: 'submitted', after: expect.any(String) }]);
  });

  it('records a revision by the fields it changed, and the desk as the actor of a decision', () => {
    const revision = entryAfter([contributionSubmitted()], contributionRevised({ note: 'x', blocks: [] }));
    expect(revision).toMatchObject({ summary: 'Contribution revised: blocks, note', changes: [] });
    expect(entryAfter([contributionSubmitted()], contributionRejected()).actor).toEqual(AN_EDITOR);
  });
});
