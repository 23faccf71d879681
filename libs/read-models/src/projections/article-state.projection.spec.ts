import { articleDecider, InvalidEventSequence, type ArticleEvent } from '@newsroom/editorial-domain';
import {
  AN_HOUR_AGO,
  approved,
  ARTICLE_ID,
  changesRequested,
  contributorAdded,
  contributorRemoved,
  correctionIssued,
  drafted,
  historyUntil,
  NOW,
  photoAttached,
  photoDetached,
  photoUpdated,
  publicationScheduled,
  published,
  reporterAssigned,
  reporterUnassigned,
  contributionMerged,
  revised,
  scheduleCancelled,
  submitted,
  unpublished,
} from '@newsroom/testing';
import { evolveArticleRow, isAlreadyApplied, snapshotOf } from './article-state.projection';
import {
  A_REPORTER,
  AN_EDITOR,
  afterHistory,
  deepFrozen,
  envelope,
  envelopes,
  minutesAfterEpoch,
  rowAfter,
} from './projection.fixtures';
import { UnprojectableEvent, VersionGap } from './projection.errors';

describe('the article state row', () => {
  describe('given no row yet', () => {
    it('when the article is drafted, then the row holds the draft at version 1, created by the envelope actor', () => {
      const row = evolveArticleRow(null, envelope(drafted({ headline: 'Harbour reopens' }), 1));

      expect(row).toMatchObject({
        articleId: ARTICLE_ID,
        version: 1,
        status: 'draft',
        live: null,
        corrections: [],
        scheduled: null,
        changesRequestedNote: null,
        createdAt: minutesAfterEpoch(1),
        updatedAt: minutesAfterEpoch(1),
        createdBy: A_REPORTER,
        updatedBy: A_REPORTER,
        lastPosition: 1001,
      });
      expect(row.working).toMatchObject({ headline: 'Harbour reopens', contributors: [], photos: [] });
    });

    it('when the first event to arrive is version 2, then it throws VersionGap expecting version 1', () => {
      const early = envelope(submitted(), 2);

      expect(() => evolveArticleRow(null, early)).toThrow(VersionGap);
      expect(() => evolveArticleRow(null, early)).toThrow(
        expect.objectContaining({ articleId: ARTICLE_ID, expected: 1, actual: 2 }),
      );
    });

    it('when version 1 is not ArticleDrafted, then the domain refuses the stream', () => {
      expect(() => evolveArticleRow(null, envelope(submitted(), 1))).toThrow(InvalidEventSequence);
    });
  });

  describe('given a row at version 2', () => {
    const { row, next } = afterHistory(drafted(), submitted());

    it('when version 2 is redelivered, then the very same row comes back', () => {
      expect(evolveArticleRow(row, envelope(submitted(), 2))).toBe(row);
      expect(isAlreadyApplied(row, envelope(submitted(), 2))).toBe(true);
    });

    it('when version 1 is redelivered, then the very same row comes back', () => {
      expect(evolveArticleRow(row, envelope(drafted(), 1))).toBe(row);
    });

    it('when version 4 arrives before version 3, then it throws VersionGap with expected 3 and actual 4', () => {
      expect(() => evolveArticleRow(row, envelope(approved(), 4))).toThrow(
        expect.objectContaining({ name: 'VersionGap', expected: 3, actual: 4 }),
      );
    });

    it('when version 3 arrives, then it is applied with its time, actor and position', () => {
      const after = evolveArticleRow(row, next(approved()));

      expect(after).toMatchObject({
        version: 3,
        status: 'approved',
        updatedAt: minutesAfterEpoch(3),
        updatedBy: AN_EDITOR,
        lastPosition: 1003,
        createdAt: minutesAfterEpoch(1),
        createdBy: A_REPORTER,
      });
    });

    it('when an event of another article is offered, then it is refused as unprojectable', () => {
      expect(() => evolveArticleRow(row, next(approved(), { articleId: 'another-article' }))).toThrow(
        UnprojectableEvent,
      );
    });

    it('when the event type is unknown, then it is refused as unprojectable', () => {
      expect(() => evolveArticleRow(row, next(approved(), { type: 'ArticleTranslated' }))).toThrow(
        /unknown event type ArticleTranslated/,
      );
    });

    it('when the schema version is newer than this build knows, then it is refused as unprojectable', () => {
      expect(() => evolveArticleRow(row, next(approved(), { schemaVersion: 2 }))).toThrow(
        /unsupported schema version 2/,
      );
    });

    it('when an event is applied, then the previous row is left untouched', () => {
      const frozen = deepFrozen(rowAfter(drafted(), submitted()));
      const copy = structuredClone(frozen);

      evolveArticleRow(frozen, next(changesRequested('Check the date')));

      expect(frozen).toEqual(copy);
    });
  });

  describe('given a published article', () => {
    const history = historyUntil('published', [drafted({ headline: 'Harbour reopens' })]);

    it('when the working copy is revised, then the live copy still holds what readers saw', () => {
      const { row, next } = afterHistory(...history);

      const after = evolveArticleRow(row, next(revised({ headline: 'Harbour reopens after storm damage' })));

      expect(after.working.headline).toBe('Harbour reopens after storm damage');
      expect(after.live).toEqual(row!.live);
      expect(after.live?.content.headline).toBe('Harbour reopens');
      expect(after.status).toBe('published');
    });

    it('when an update is published, then the live copy becomes the revised working copy', () => {
      const revisedHistory = [...history, revised({ headline: 'Harbour reopens fully' })];
      const { row, next } = afterHistory(...revisedHistory);

      const after = evolveArticleRow(
        row,
        next(published({ publishedVersion: revisedHistory.length, publishedAt: NOW, updateKind: 'minor' })),
      );

      expect(after.live).toEqual({
        version: revisedHistory.length,
        content: row!.working,
        publishedAt: NOW,
        updateKind: 'minor',
      });
    });

    it('when it is unpublished, then the live copy is kept as the record of what readers last saw', () => {
      const { row, next } = afterHistory(...history);

      const after = evolveArticleRow(row, next(unpublished('Legal complaint', NOW)));

      expect(after.status).toBe('unpublished');
      expect(after.live).toEqual(row!.live);
    });
  });

  it('agrees with the domain fold after a history using every event type', () => {
    const history: ArticleEvent[] = [
      drafted(),
      reporterAssigned(),
      revised({ headline: 'Harbour to reopen' }),
      contributorAdded(),
      contributorAdded({ contributorId: 'c-2', name: 'Cal' }),
      contributorRemoved(),
      photoAttached(),
      photoUpdated('photo-1', { caption: 'Dawn' }),
      photoAttached({ photoId: 'photo-2' }),
      photoDetached('photo-2'),
      submitted(),
      changesRequested(),
      submitted(),
      approved(),
      publicationScheduled(),
      scheduleCancelled(),
      published({ publishedVersion: 16, publishedAt: AN_HOUR_AGO }),
      revised({ standfirst: 'Ferries return.' }),
      correctionIssued(),
      unpublished('Legal complaint', NOW),
      reporterUnassigned(),
      contributionMerged({}, 1),
    ];
    const stored = envelopes(history);

    const row = stored.reduce(evolveArticleRow, null);
    const domain = stored.reduce(
      (s, e, i) =>
        articleDecider.evolve(s, history[i]!, {
          occurredAt: e.occurredAt,
          actor: { id: e.actor.id, name: e.actor.name },
        }),
      articleDecider.initialState,
    );

    expect(snapshotOf(row!)).toEqual(domain);
    expect(row!.version).toBe(history.length);
  });
});
