import { ARTICLE_ID, contributorAdded, contributorRemoved, drafted } from '@newsroom/testing';
import { contributorEntriesOf, nameKeyOf } from './contributor-index.projection';
import { rowAfter } from './projection.fixtures';

describe('the contributor index', () => {
  it('given an article credited to no one, then it has no entries', () => {
    expect(contributorEntriesOf(rowAfter(drafted()))).toEqual([]);
  });

  it('given credited contributors, then there is one entry each, with a searchable name key', () => {
    const article = rowAfter(
      drafted(),
      contributorAdded({ contributorId: 'c-1', name: 'Rey  Reporter' }),
      contributorAdded({ contributorId: 'c-2', name: 'Jane DOE', role: 'photographer', affiliation: 'Agency' }),
    );

    expect(contributorEntriesOf(article)).toEqual([
      { articleId: ARTICLE_ID, contributorId: 'c-1', name: 'Rey  Reporter', nameKey: 'rey reporter', role: 'author' },
      { articleId: ARTICLE_ID, contributorId: 'c-2', name: 'Jane DOE', nameKey: 'jane doe', role: 'photographer' },
    ]);
  });

  it('when a contributor is removed, then their entry is gone', () => {
    const article = rowAfter(
      drafted(),
      contributorAdded({ contributorId: 'c-1', name: 'Rey Reporter' }),
      contributorAdded({ contributorId: 'c-2', name: 'Jane Doe' }),
      contributorRemoved({ contributorId: 'c-1', name: 'Rey Reporter' }),
    );

    expect(contributorEntriesOf(article).map((e) => e.contributorId)).toEqual(['c-2']);
  });

  it('keys a name by lower-casing it and collapsing its whitespace, tabs and newlines included', () => {
    expect(nameKeyOf('  Jane \t\n DOE ')).toBe('jane doe');
  });

  it('keys a composed and a decomposed accent alike', () => {
    expect(nameKeyOf('Zoe\u0301 Martin')).toBe(nameKeyOf('Zo\u00e9 Martin'));
  });
});
