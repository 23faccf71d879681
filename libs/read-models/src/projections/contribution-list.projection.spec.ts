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
import { contributionEnvelope, contributionRowAfter } from './contribution.fixtures';
import { evolveContributionListRow } from './contribution-list.projection';
import { evolveContributionRow } from './contribution-state.projection';
import { A_REPORTER, deepFrozen, minutesAfterEpoch } from './projection.fixtures';
import { UnprojectableEvent, VersionGap } from './projection.errors';

describe('the contribution list', () => {
  it('given nothing, when a contribution is submitted, then it is listed under its article and author', () => {
    const row = evolveContributionListRow(null, contributionEnvelope(contributionSubmitted(), 1));

    expect(row).toMatchObject({
      contributionId: CONTRIBUTION_ID,
      articleId: ARTICLE_ID,
      authorId: A_REPORTER.id,
      status: 'submitted',
      version: 1,
      submittedAt: minutesAfterEpoch(1),
      updatedAt: minutesAfterEpoch(1),
    });
    expect(row.item).toMatchObject({ status: 'submitted', author: { id: A_REPORTER.id }, deskNote: null });
    // The item is the contribution as the API serves it: no runner bookkeeping.
    expect(row.item).not.toHaveProperty('lastPosition');
    expect(row.item).not.toHaveProperty('updatedBy');
  });

  it('when the desk sends it back, then it shows the note; when revised, then it is submitted again', () => {
    const sentBack = deepFrozen(
      contributionRowAfter(contributionSubmitted(), contributionChangesRequested('Name him.')),
    );
    expect(sentBack).toMatchObject({ status: 'changes_requested', deskNote: 'Name him.', version: 2 });

    const revised = evolveContributionListRow(sentBack, contributionEnvelope(contributionRevised({ note: 'Done' }), 3));
    expect(revised).toMatchObject({ status: 'submitted', version: 3, submittedAt: minutesAfterEpoch(1) });
    expect(revised.item).toMatchObject({ deskNote: null, note: 'Done' });
  });

  it.each([
    ['accepted', contributionAccepted(7, 2), { merge: { articleVersion: 7, atBlock: 2 } }],
    ['rejected', contributionRejected('Unsourced.'), { rejection: { reason: 'Unsourced.' } }],
    ['withdrawn', contributionWithdrawn(), { merge: null, rejection: null }],
  ] as const)('when it is %s, then the list shows the outcome', (status, event, outcome) => {
    const row = evolveContributionListRow(
      contributionRowAfter(contributionSubmitted()),
      contributionEnvelope(event, 2),
    );
    expect(row).toMatchObject({ status, version: 2, updatedAt: minutesAfterEpoch(2) });
    expect(row.item).toMatchObject(outcome);
  });

  it('given a redelivered event, then the row is unchanged', () => {
    const row = deepFrozen(contributionRowAfter(contributionSubmitted(), contributionRejected()))!;
    expect(evolveContributionRow(row, contributionEnvelope(contributionSubmitted(), 1))).toBe(row);
  });

  it('given an event that skips a version, then it is a gap the runner holds back', () => {
    const row = contributionRowAfter(contributionSubmitted());
    expect(() => evolveContributionRow(row, contributionEnvelope(contributionRejected(), 3))).toThrow(VersionGap);
  });

  it('given an unknown type or a newer schema, then it cannot be projected', () => {
    const row = contributionRowAfter(contributionSubmitted());
    const unknown = { ...contributionEnvelope(contributionRejected(), 2), type: 'ContributionShredded' };
    expect(() => evolveContributionRow(row, unknown)).toThrow(UnprojectableEvent);
    const newer = contributionEnvelope(contributionRejected(), 2, { schemaVersion: 2 });
    expect(() => evolveContributionRow(row, newer)).toThrow(UnprojectableEvent);
  });

  it('given an event of another contribution, then it cannot be projected onto this row', () => {
    const row = contributionRowAfter(contributionSubmitted());
    const other = contributionEnvelope(contributionRejected(), 2, { contributionId: 'another' });
    expect(() => evolveContributionRow(row, other)).toThrow(UnprojectableEvent);
  });
});
