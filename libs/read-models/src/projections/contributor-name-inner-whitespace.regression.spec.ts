import { DuplicateContributor } from '@newsroom/editorial-domain';
import { addContributor, contributorAdded, drafted, given } from '@newsroom/testing';
import { contributorEntriesOf, nameKeyOf } from './contributor-index.projection';
import { rowAfter } from './projection.fixtures';

// Bug: the decider compared names keeping inner whitespace, the contributor index collapsed it.
// "Rey  Reporter" (two spaces) could be credited beside "Rey Reporter" in the same role, and a
// search for either name then found one article crediting "two" people the index keyed alike.
describe('regression: contributor names differing only in inner whitespace', () => {
  const credited = contributorAdded({ contributorId: 'c-1', name: 'Rey Reporter', role: 'author' });

  it.each(['Rey  Reporter', 'rey\tREPORTER', 'Rey\nReporter', ' Rey \u00a0 Reporter '])(
    'refuses %j as a second author, since the index keys it as the credited name',
    (name) => {
      expect(nameKeyOf(name)).toBe(contributorEntriesOf(rowAfter(drafted(), credited))[0]!.nameKey);

      given(drafted(), credited)
        .when(addContributor({ contributorId: 'c-2', name, role: 'author' }))
        .thenThrows(DuplicateContributor, { contributorId: 'c-1', role: 'author' });
    },
  );

  it('credits a name the index keys differently', () => {
    expect(nameKeyOf('Rey Reporters')).not.toBe(nameKeyOf('Rey Reporter'));

    given(drafted(), credited)
      .when(addContributor({ contributorId: 'c-2', name: 'Rey Reporters', role: 'author' }))
      .then(contributorAdded({ contributorId: 'c-2', name: 'Rey Reporters', role: 'author' }));
  });
});
