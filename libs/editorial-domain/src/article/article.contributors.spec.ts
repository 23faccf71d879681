import {
  ARTICLE_LIMITS,
  ContributorNotFound,
  DuplicateContributor,
  ValidationFailed,
} from '@newsroom/editorial-domain';
import {
  addContributor,
  aContributor,
  contributorAdded,
  contributorRemoved,
  drafted,
  given,
  historyUntil,
  removeContributor,
} from '@newsroom/testing';

describe('adding a contributor', () => {
  describe('when in draft', () => {
    it('credits the contributor with the given role', () => {
      given(drafted())
        .when(
          addContributor({ contributorId: 'c-9', name: 'Tia Translator', role: 'translator', affiliation: 'Agence' }),
        )
        .then(
          contributorAdded({ contributorId: 'c-9', name: 'Tia Translator', role: 'translator', affiliation: 'Agence' }),
        );
    });

    it('records no affiliation key when none is given', () => {
      given(drafted())
        .when(
          addContributor({ contributorId: 'c-9', name: 'Tia Translator', role: 'translator', affiliation: undefined }),
        )
        .then({
          type: 'ContributorAdded',
          data: { contributor: { contributorId: 'c-9', name: 'Tia Translator', role: 'translator' } },
        });
    });

    it('credits the same person again in a different role', () => {
      given(drafted(), contributorAdded())
        .when(addContributor({ contributorId: 'c-2', name: 'Rey Reporter', role: 'photographer' }))
        .then(contributorAdded({ contributorId: 'c-2', name: 'Rey Reporter', role: 'photographer' }));
    });

    it('is refused when the same name is already credited in the same role', () => {
      given(drafted(), contributorAdded())
        .when(addContributor({ contributorId: 'c-2', name: ' rey reporter ', role: 'author' }))
        .thenThrows(DuplicateContributor, {
          code: 'DUPLICATE_CONTRIBUTOR',
          contributorId: 'contributor-1',
          contributorName: 'Rey Reporter',
          role: 'author',
        });
    });

    it('is refused when the contributor id is already on the article', () => {
      given(drafted(), contributorAdded())
        .when(addContributor({ contributorId: 'contributor-1', name: 'Someone Else', role: 'producer' }))
        .thenThrows(DuplicateContributor, { contributorId: 'contributor-1' });
    });

    it('keeps the error name intact even though the contributor has a name', () => {
      const error = given(drafted(), contributorAdded())
        .when(addContributor({ name: 'Rey Reporter', role: 'author' }))
        .thenThrows(DuplicateContributor);
      expect(error.name).toBe('DuplicateContributor');
    });

    it('is refused with the path of every invalid field', () => {
      given(drafted())
        .when(addContributor({ name: '', role: 'intern' as never, affiliation: 'a'.repeat(201) }))
        .thenThrows(ValidationFailed, {
          details: [
            { path: 'name', message: 'must not be empty' },
            {
              path: 'role',
              message: 'must be one of: author, contributor, photographer, editor, translator, producer',
            },
            { path: 'affiliation', message: 'must be at most 200 characters' },
          ],
        });
    });

    it('accepts a name of exactly the maximum length', () => {
      const name = 'n'.repeat(ARTICLE_LIMITS.contributorNameMaxLength);
      given(drafted()).when(addContributor({ name })).thenEventTypes('ContributorAdded');
    });

    it('is refused once the article credits the maximum number of contributors', () => {
      const full = Array.from({ length: ARTICLE_LIMITS.contributorsMaxCount }, (_, i) =>
        contributorAdded({ contributorId: `c-${i}`, name: `Person ${i}` }),
      );
      given(drafted(), ...full)
        .when(addContributor({ contributorId: 'c-new', name: 'One Too Many' }))
        .thenThrows(ValidationFailed, { details: [{ path: 'contributors', message: expect.stringContaining('100') }] });
    });
  });

  describe('when published', () => {
    it('credits the contributor on the working copy', () => {
      given(...historyUntil('published'))
        .when(addContributor())
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.working.contributors.map((c) => c.name)).toEqual(['Cal Contributor']);
          expect(state.live?.content.contributors).toEqual([]);
        });
    });
  });
});

describe('removing a contributor', () => {
  it('records who was removed and in which role', () => {
    given(drafted(), contributorAdded(), contributorAdded({ contributorId: 'c-2', name: 'Pat', role: 'photographer' }))
      .when(removeContributor('c-2'))
      .then(contributorRemoved({ contributorId: 'c-2', name: 'Pat', role: 'photographer' }));
  });

  it('takes the contributor off the working copy', () => {
    given(drafted(), contributorAdded())
      .when(removeContributor('contributor-1'))
      .thenState((state) => expect(state.status !== 'none' && state.working.contributors).toEqual([]));
  });

  it('is refused when the contributor is not on the article', () => {
    given(drafted(), contributorAdded())
      .when(removeContributor('c-404'))
      .thenThrows(ContributorNotFound, { code: 'CONTRIBUTOR_NOT_FOUND', contributorId: 'c-404' });
  });

  it('is refused for a contributor who was already removed', () => {
    given(drafted(), contributorAdded(), contributorRemoved())
      .when(removeContributor('contributor-1'))
      .thenThrows(ContributorNotFound);
  });

  it('lets the same person be credited again after removal', () => {
    given(drafted(), contributorAdded(), contributorRemoved())
      .when(addContributor(aContributor()))
      .then(contributorAdded());
  });
});
