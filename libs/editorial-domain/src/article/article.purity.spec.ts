import { articleDecider, type ArticleCommand, type ArticleEvent, type ArticleState } from '@newsroom/editorial-domain';
import {
  aColleague,
  addContributor,
  anAdmin,
  approveArticle,
  aReporter,
  assignReporter,
  attachPhoto,
  cancelSchedule,
  detachPhoto,
  draftArticle,
  issueCorrection,
  meta,
  mergeContribution,
  NOW,
  publishArticle,
  removeContributor,
  requestChanges,
  reviseArticle,
  schedulePublication,
  submitForReview,
  unassignReporter,
  unpublishArticle,
  updatePhoto,
} from '@newsroom/testing';

/**
 * The write path keeps decided states in memory between commands (libs/event-store's state cache):
 * a decide or an evolve that changed the state it was given, or an event, would corrupt every later
 * decision on that article. Frozen inputs make any such write throw, in every state a stream visits.
 */
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const AN_ARTICLE_LIFE: ArticleCommand[] = [
  draftArticle(),
  reviseArticle({ headline: 'Harbour reopens at last' }),
  addContributor({ contributorId: 'contributor-2', name: 'Col Colleague' }),
  attachPhoto(),
  updatePhoto('photo-2', { caption: 'Ferries return to the harbour' }),
  assignReporter(aColleague()),
  mergeContribution(),
  submitForReview(),
  requestChanges(),
  reviseArticle({ standfirst: 'After two years' }),
  submitForReview(),
  approveArticle(meta(anAdmin())),
  schedulePublication(),
  cancelSchedule(),
  publishArticle(),
  issueCorrection(),
  detachPhoto('photo-2'),
  removeContributor('contributor-2'),
  unassignReporter(aColleague()),
  reviseArticle({ headline: 'Harbour reopens, with ferries' }),
  publishArticle({ updateKind: 'minor' }, meta(anAdmin())),
  unpublishArticle(),
];

function live(freeze: boolean): ArticleState {
  const guard = freeze ? deepFreeze : <T>(v: T) => v;
  const at = { occurredAt: NOW, actor: aReporter() };
  return AN_ARTICLE_LIFE.reduce<ArticleState>((state, command) => {
    const events = articleDecider.decide(guard(command), guard(state)) as ArticleEvent[];
    return events.reduce((s, e) => articleDecider.evolve(guard(s), guard(e), at), state);
  }, articleDecider.initialState);
}

describe('deciding and evolving an article', () => {
  it('never writes to the state or the events it is given, through a whole life of the article', () => {
    expect(() => live(true)).not.toThrow();
  });

  it('reaches the same state from frozen inputs as from unfrozen ones', () => {
    const state = live(true);
    expect(state).toEqual(live(false));
    expect(state).toMatchObject({ status: 'unpublished', live: { updateKind: 'minor' } });
  });
});
