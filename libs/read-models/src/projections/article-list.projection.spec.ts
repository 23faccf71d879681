import {
  AN_HOUR_AGO,
  contributorAdded,
  contributorRemoved,
  drafted,
  historyUntil,
  NOW,
  publicationScheduled,
  revised,
  scheduleCancelled,
  TOMORROW,
  unpublished,
} from '@newsroom/testing';
import { evolveArticleRow } from './article-state.projection';
import { evolveListRow, listRowOf } from './article-list.projection';
import { afterHistory, A_REPORTER, AN_EDITOR, envelope, minutesAfterEpoch, rowAfter } from './projection.fixtures';

describe('the article list row', () => {
  it('given a drafted article, then it shows the working headline, sections, status and version', () => {
    const row = listRowOf(rowAfter(drafted({ headline: 'Harbour reopens', sections: ['news', 'local'] })));

    expect(row).toMatchObject({
      headline: 'Harbour reopens',
      sections: ['news', 'local'],
      status: 'draft',
      version: 1,
      updatedAt: minutesAfterEpoch(1),
      publishedAt: null,
      contributorNames: [],
    });
  });

  it('given credits added and removed, then it names the credited contributors in order', () => {
    const row = listRowOf(
      rowAfter(
        drafted(),
        contributorAdded({ contributorId: 'c-1', name: 'Rey Reporter' }),
        contributorAdded({ contributorId: 'c-2', name: 'Jane Doe', role: 'photographer' }),
        contributorAdded({ contributorId: 'c-3', name: 'Cal Contributor', role: 'contributor' }),
        contributorRemoved({ contributorId: 'c-1', name: 'Rey Reporter' }),
      ),
    );

    expect(row.contributorNames).toEqual(['Jane Doe', 'Cal Contributor']);
  });

  it('has search text made of the lower-cased headline and standfirst on one line', () => {
    const row = listRowOf(rowAfter(drafted({ headline: 'Harbour REOPENS', standfirst: 'Ferries  run\nfrom Monday.' })));

    expect(row.searchText).toBe('harbour reopens ferries run from monday.');
  });

  it('when the headline is revised, then the search text follows it', () => {
    const row = listRowOf(
      rowAfter(drafted({ headline: 'Harbour reopens', standfirst: '' }), revised({ headline: 'Port SHUT' })),
    );

    expect(row.searchText).toBe('port shut');
  });

  it('given a published article revised since, then it shows the working headline and the publication time', () => {
    const history = historyUntil('published', [drafted({ headline: 'Harbour reopens' })]);

    const row = listRowOf(rowAfter(...history, revised({ headline: 'Harbour reopens fully' })));

    expect(row).toMatchObject({ status: 'published', headline: 'Harbour reopens fully', publishedAt: AN_HOUR_AGO });
  });

  it('given an unpublished article, then it keeps the last publication time beside its status', () => {
    const row = listRowOf(rowAfter(...historyUntil('published'), unpublished('Legal complaint', NOW)));

    expect(row).toMatchObject({ status: 'unpublished', publishedAt: AN_HOUR_AGO });
  });

  it('evolves from the previous article row exactly as the article row does, redelivery included', () => {
    const { row, next } = afterHistory(drafted());
    const event = next(revised({ headline: 'Port shut' }));

    expect(evolveListRow(row, event)).toEqual(listRowOf(evolveArticleRow(row, event)));
    expect(evolveListRow(row, envelope(drafted(), 1))).toEqual(listRowOf(row!));
  });
});

describe('the article list row, for the board card', () => {
  it('given a revision by the editor, then its last change names the editor, not the reporter who drafted', () => {
    const row = listRowOf(rowAfter(drafted(), revised({ headline: 'Port shut' })));

    expect(row.updatedBy).toEqual(AN_EDITOR);
    expect(listRowOf(rowAfter(drafted())).updatedBy).toEqual(A_REPORTER);
  });

  it('given an embargo in the working copy, then it carries the embargo; lifted, then none', () => {
    const embargoed = rowAfter(drafted({ embargoUntil: TOMORROW }));

    expect(listRowOf(embargoed).embargoUntil).toBe(TOMORROW);
    expect(listRowOf(rowAfter(drafted({ embargoUntil: TOMORROW }), revised({ embargoUntil: null }))).embargoUntil).toBe(
      null,
    );
  });

  it('given a scheduled publication, then it carries when it is due; cancelled, then none', () => {
    const scheduled = historyUntil('approved');

    expect(listRowOf(rowAfter(...scheduled, publicationScheduled(TOMORROW))).publishAt).toBe(TOMORROW);
    expect(listRowOf(rowAfter(...scheduled, publicationScheduled(TOMORROW), scheduleCancelled())).publishAt).toBe(null);
    expect(listRowOf(rowAfter(...scheduled)).publishAt).toBe(null);
  });
});
