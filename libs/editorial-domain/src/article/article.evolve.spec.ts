import {
  ARTICLE_COMMAND_TYPES,
  ARTICLE_EVENT_TYPES,
  InvalidEventSequence,
  articleDecider,
  evolve,
  initialArticleState,
  isArticleCommandType,
  isArticleEventType,
  type ArticleEvent,
  type ArticleSnapshot,
  type ArticleState,
} from '@newsroom/editorial-domain';
// Replaying a whole stream is only needed by specs, so the lib does not export it.
import { fold } from './article.evolve';
import {
  ARTICLE_ID,
  NOW,
  approved,
  changesRequested,
  contributorAdded,
  contributorRemoved,
  correctionIssued,
  drafted,
  historyUntil,
  photoAttached,
  photoDetached,
  photoUpdated,
  publicationScheduled,
  published,
  reporterAssigned,
  reporterUnassigned,
  contributionMerged,
  contentRedacted,
  redactionDeclined,
  redactionRequested,
  revised,
  scheduleCancelled,
  someDraftFields,
  submitted,
  unpublished,
} from '@newsroom/testing';

const at = (minute: number) => `2030-01-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
const author = { id: 'u-1', name: 'Rey Reporter' };

function snapshot(events: ArticleEvent[]): ArticleSnapshot {
  const state = fold(events.map((event, i) => ({ event, meta: { occurredAt: at(i), actor: author } })));
  if (state.status === 'none') throw new Error('expected an article');
  return state;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('evolving an article', () => {
  it('starts a draft at version 1 from ArticleDrafted, stamped with the stored time and author', () => {
    expect(evolve(initialArticleState, drafted(), { occurredAt: at(0), actor: author })).toEqual({
      status: 'draft',
      articleId: ARTICLE_ID,
      version: 1,
      working: { ...someDraftFields(), contributors: [], photos: [] },
      live: null,
      corrections: [],
      scheduled: null,
      changesRequestedNote: null,
      createdAt: at(0),
      updatedAt: at(0),
      createdBy: author,
      assignees: [],
      lastAuthor: author,
      mergedContributions: [],
    });
  });

  it('marks the time and author unknown when the store supplies neither', () => {
    expect(evolve(initialArticleState, drafted())).toMatchObject({ createdAt: '', createdBy: { id: 'unknown' } });
  });

  it('counts exactly one version per event, whatever the event', () => {
    const all: ArticleEvent[] = [
      drafted(),
      revised({ tags: ['a'] }),
      contributorAdded(),
      photoAttached(),
      photoUpdated('photo-1', { caption: 'c' }),
      submitted(),
      changesRequested(),
      submitted(),
      approved(),
      publicationScheduled(),
      scheduleCancelled(),
      published({ publishedVersion: 11 }),
      correctionIssued(),
      unpublished(),
      contributorRemoved(),
      photoDetached(),
      reporterAssigned(),
      reporterUnassigned(),
      contributionMerged(),
      redactionRequested(),
      redactionDeclined(),
      contentRedacted(),
    ];
    expect(new Set(all.map((e) => e.type))).toEqual(new Set(ARTICLE_EVENT_TYPES));
    all.forEach((_, i) => expect(snapshot(all.slice(0, i + 1)).version).toBe(i + 1));
  });

  it('takes updatedAt from the store, else from the event, else keeps the last one', () => {
    const state = snapshot([drafted(), submitted(), approved()]);
    expect(state.updatedAt).toBe(at(2));
    expect(state.createdAt).toBe(at(0));
    const publishedState = evolve(state, published({ publishedAt: '2030-03-01T00:00:00Z' })) as ArticleSnapshot;
    expect(publishedState.updatedAt).toBe('2030-03-01T00:00:00Z');
    expect((evolve(publishedState, revised({ tags: [] })) as ArticleSnapshot).updatedAt).toBe('2030-03-01T00:00:00Z');
  });

  it('applies a revision over the working copy, field by field', () => {
    const state = snapshot([drafted(), revised({ headline: 'New', tags: ['x', 'y'] })]);
    expect(state.working).toMatchObject({
      headline: 'New',
      tags: ['x', 'y'],
      standfirst: someDraftFields().standfirst,
    });
  });

  it('adds, updates and removes contributors and photos by id', () => {
    const state = snapshot([
      drafted(),
      contributorAdded(),
      contributorAdded({ contributorId: 'c-2', name: 'B' }),
      contributorRemoved(),
      photoAttached(),
      photoAttached({ photoId: 'p-2' }),
      photoUpdated('p-2', { caption: 'Second' }),
      photoDetached('photo-1'),
    ]);
    expect(state.working.contributors.map((c) => c.contributorId)).toEqual(['c-2']);
    expect(state.working.photos).toEqual([expect.objectContaining({ photoId: 'p-2', caption: 'Second' })]);
  });

  it('follows the workflow statuses and the change request note', () => {
    expect(snapshot([drafted(), submitted()]).status).toBe('in_review');
    expect(snapshot([drafted(), submitted(), changesRequested('Fix')]).changesRequestedNote).toBe('Fix');
    expect(snapshot([drafted(), submitted(), changesRequested('Fix'), submitted()]).changesRequestedNote).toBeNull();
    expect(snapshot(historyUntil('scheduled')).scheduled).toEqual({
      publishAt: expect.any(String),
      scheduledBy: expect.any(Object),
    });
    expect(snapshot([...historyUntil('scheduled'), scheduleCancelled()])).toMatchObject({
      status: 'approved',
      scheduled: null,
    });
  });

  it('copies the working copy into live on publication and keeps it through later edits and unpublishing', () => {
    const history = [
      ...historyUntil('approved'),
      published({ publishedVersion: 3, publishedAt: NOW, updateKind: 'initial' }),
    ];
    const live = snapshot(history).live;
    expect(live).toEqual({ version: 3, content: snapshot(history).working, publishedAt: NOW, updateKind: 'initial' });
    const later = snapshot([...history, revised({ headline: 'Edited' }), unpublished()]);
    expect(later.status).toBe('unpublished');
    expect(later.live?.content.headline).toBe(someDraftFields().headline);
    expect(later.working.headline).toBe('Edited');
  });

  it('appends corrections in order', () => {
    const state = snapshot([
      ...historyUntil('published'),
      correctionIssued({ text: 'A' }),
      correctionIssued({ text: 'B' }),
    ]);
    expect(state.corrections.map((c) => c.text)).toEqual(['A', 'B']);
  });

  it('never mutates the state it is given', () => {
    const before = deepFreeze(snapshot(historyUntil('published')));
    const copy = JSON.parse(JSON.stringify(before));
    const events: ArticleEvent[] = [
      revised({ body: [] }),
      contributorAdded(),
      photoAttached(),
      correctionIssued(),
      unpublished(),
    ];
    expect(() => events.reduce<ArticleState>((s, e) => evolve(s, e), before)).not.toThrow();
    expect(before).toEqual(copy);
  });

  it('refuses an event before the article was drafted', () => {
    expect(() => evolve(initialArticleState, submitted())).toThrow(InvalidEventSequence);
  });

  it('refuses a second ArticleDrafted', () => {
    expect(() => fold([{ event: drafted() }, { event: drafted() }])).toThrow(
      'Cannot apply ArticleDrafted to an article whose status is draft',
    );
  });
});

describe('folding a stream', () => {
  it('gives the initial state for an empty stream', () => {
    expect(fold([])).toEqual({ status: 'none' });
  });

  it('gives the same state as applying each event with its metadata in turn', () => {
    const events = historyUntil('published').map((event, i) => ({ event, meta: { occurredAt: at(i) } }));
    const stepByStep = events.reduce<ArticleState>((s, { event, meta }) => evolve(s, event, meta), initialArticleState);
    expect(fold(events)).toEqual(stepByStep);
    expect(fold(events)).toMatchObject({ status: 'published', version: 4, updatedAt: at(3) });
  });
});

describe('the published vocabulary', () => {
  it('lists every event type and command type exactly once', () => {
    expect(ARTICLE_EVENT_TYPES).toHaveLength(21);
    expect(new Set(ARTICLE_EVENT_TYPES).size).toBe(21);
    expect(ARTICLE_COMMAND_TYPES).toHaveLength(21);
    expect(new Set(ARTICLE_COMMAND_TYPES).size).toBe(21);
  });

  it('recognises its own type strings and nothing else', () => {
    expect(isArticleEventType('ArticlePublished')).toBe(true);
    expect(isArticleEventType('toString')).toBe(false);
    expect(isArticleCommandType('PublishArticle')).toBe(true);
    expect(isArticleCommandType('ArticlePublished')).toBe(false);
  });

  it('offers the decider in the shape the event store folds with', () => {
    const state = [drafted(), submitted()].reduce(
      (s, event, i) => articleDecider.evolve(s, event, { occurredAt: at(i) }),
      articleDecider.initialState,
    );
    expect(state).toMatchObject({ status: 'in_review', version: 2 });
  });
});
