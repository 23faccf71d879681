import {
  aColleague,
  approved,
  contributorAdded,
  correctionIssued,
  drafted,
  photoAttached,
  publicationScheduled,
  published,
  reporterAssigned,
  revised,
  submitted,
} from '@newsroom/testing';
import type { ArticleRow } from '../projections/article-state.projection';
import { rowAfter } from '../projections/projection.fixtures';
import { articleViewOf } from './article.view';

const body = [
  { type: 'paragraph', text: 'The harbour reopened on Sunday.' },
  { type: 'quote', text: 'We are back.', attribution: 'Harbour master' },
  { type: 'quote', text: 'Unattributed.' },
  { type: 'photo', photoId: 'photo-1' },
] as const;

/** The row as the API served it before the explicit mapping: everything but its bookkeeping. */
function rowWithoutBookkeeping(row: ArticleRow): object {
  // mergedContributions is the decider's bookkeeping; the merges themselves show in the history.
  const { lastPosition: _, mergedContributions: _merged, ...rest } = JSON.parse(JSON.stringify(row));
  return rest;
}

describe('the article view of a read-model row', () => {
  const live = rowAfter(
    drafted(),
    contributorAdded({ affiliation: 'Harbour Gazette' }),
    photoAttached({ altText: 'Boats moored', rights: 'staff' }),
    revised({ body: [...body] }),
    submitted(),
    approved(),
    published({ publishedVersion: 6 }),
    correctionIssued(),
  );

  it('shows a published, corrected article exactly as the row holds it, without its position', () => {
    expect(articleViewOf(live)).toStrictEqual(rowWithoutBookkeeping(live));
  });

  it('shows a scheduled article with who scheduled it', () => {
    const scheduled = rowAfter(drafted(), submitted(), approved(), publicationScheduled());
    expect(articleViewOf(scheduled)).toStrictEqual(rowWithoutBookkeeping(scheduled));
    expect(articleViewOf(scheduled).scheduled).toEqual({
      publishAt: scheduled.scheduled!.publishAt,
      scheduledBy: { id: 'user-editor', name: 'Eda Editor' },
    });
  });

  it('shows the drafter, the assignees and the last author', () => {
    const view = articleViewOf(rowAfter(drafted(), reporterAssigned(aColleague()), revised({ tags: ['port'] })));
    expect(view.createdBy).toEqual({ id: 'user-reporter', name: 'Rey Reporter', role: 'reporter' });
    expect(view.assignees).toEqual([{ id: 'user-colleague', name: 'Col Colleague' }]);
    // The fixtures record everything after the draft as the editor's.
    expect(view.lastAuthor).toEqual({ id: 'user-editor', name: 'Eda Editor' });
  });

  it('shows no assignees and an unknown last author for a row stored before they were recorded', () => {
    const { assignees: _a, lastAuthor: _l, ...older } = rowAfter(drafted());
    expect(articleViewOf(older)).toMatchObject({ assignees: [], lastAuthor: null });
  });

  it('leaves optional fields out rather than sending them as undefined', () => {
    const view = articleViewOf(rowAfter(drafted(), contributorAdded(), photoAttached()));
    expect(Object.keys(view.working.contributors[0])).toEqual(['contributorId', 'name', 'role']);
    expect(Object.keys(view.working.photos[0])).toEqual(['photoId', 'url', 'caption', 'credit']);
  });

  it('keeps whatever else the domain snapshot grows off the wire until the view names it', () => {
    const grown = {
      ...live,
      reviewerNotes: ['internal'],
      working: { ...live.working, internalScore: 3, contributors: [{ ...live.working.contributors[0], pay: 100 }] },
    } as unknown as ArticleRow;
    const wire = JSON.stringify(articleViewOf(grown));
    expect(wire).not.toContain('reviewerNotes');
    expect(wire).not.toContain('internalScore');
    expect(wire).not.toContain('pay');
    expect(articleViewOf(grown)).toStrictEqual(rowWithoutBookkeeping(live));
  });
});
