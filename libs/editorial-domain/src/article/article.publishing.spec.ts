import { EmbargoNotReached, NothingToPublish, ValidationFailed } from '@newsroom/editorial-domain';
import {
  AN_HOUR_AGO,
  IN_AN_HOUR,
  NOW,
  TOMORROW,
  anAdmin,
  approved,
  contributorAdded,
  drafted,
  given,
  historyUntil,
  meta,
  published,
  publishArticle,
  revised,
  submitted,
  unpublished,
} from '@newsroom/testing';

describe('publishing', () => {
  describe('when approved', () => {
    const history = historyUntil('approved'); // drafted, submitted, approved: version 3

    it('publishes the current version for the first time as an initial publication', () => {
      given(...history)
        .when(publishArticle())
        .then(published({ publishedVersion: 3, publishedAt: NOW, updateKind: 'initial' }));
    });

    it('calls the first publication initial whatever update kind is asked for', () => {
      given(...history)
        .when(publishArticle({ updateKind: 'major' }))
        .then(published({ publishedVersion: 3, updateKind: 'initial' }));
    });

    it('publishes the version the working copy has reached', () => {
      given(drafted(), contributorAdded(), submitted(), approved())
        .when(publishArticle())
        .then(published({ publishedVersion: 4 }));
    });

    it('copies the working copy into the live copy', () => {
      given(...history)
        .when(publishArticle())
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.status).toBe('published');
          expect(state.live).toEqual({ version: 3, content: state.working, publishedAt: NOW, updateKind: 'initial' });
        });
    });

    it('may be done by an admin', () => {
      given(...history)
        .when(publishArticle({}, meta(anAdmin())))
        .then(published({ publishedVersion: 3 }));
    });

    it('refuses an update kind it does not know', () => {
      given(...history)
        .when(publishArticle({ updateKind: 'huge' as never }))
        .thenThrows(ValidationFailed, { details: [{ path: 'updateKind', message: 'must be one of: major, minor' }] });
    });
  });

  describe('when under embargo', () => {
    const embargoed = (until: string) => historyUntil('approved', [drafted({ embargoUntil: until })]);

    it('is refused before the embargo lifts', () => {
      given(...embargoed(IN_AN_HOUR))
        .when(publishArticle())
        .thenThrows(EmbargoNotReached, { code: 'EMBARGO_NOT_REACHED', embargoUntil: IN_AN_HOUR, attemptedAt: NOW });
    });

    it('is allowed at the very instant the embargo lifts', () => {
      given(...embargoed(NOW))
        .when(publishArticle())
        .thenEventTypes('ArticlePublished');
    });

    it('compares instants, not strings, across time zones', () => {
      // 10:30+01:00 is 09:30Z, which is before NOW (10:00Z) even though the string sorts after it.
      given(...embargoed('2030-01-15T10:30:00+01:00'))
        .when(publishArticle())
        .thenEventTypes('ArticlePublished');
      given(...embargoed('2030-01-15T10:30:00Z'))
        .when(publishArticle())
        .thenThrows(EmbargoNotReached);
    });

    it('uses the embargo of the working copy, as revised', () => {
      given(...historyUntil('approved', [drafted({ embargoUntil: AN_HOUR_AGO })]), revised({ embargoUntil: TOMORROW }))
        .when(publishArticle())
        .thenThrows(EmbargoNotReached, { embargoUntil: TOMORROW });
    });
  });

  describe('when published', () => {
    const history = historyUntil('published'); // published version 3, now at version 4
    const edited = [...history, revised({ headline: 'Harbour reopens, ferries delayed' })];

    it('publishes an update as minor by default', () => {
      given(...edited)
        .when(publishArticle())
        .then(published({ publishedVersion: 5, updateKind: 'minor' }));
    });

    it('publishes a major update when asked', () => {
      given(...edited)
        .when(publishArticle({ updateKind: 'major' }))
        .then(published({ publishedVersion: 5, updateKind: 'major' }));
    });

    it('keeps the earlier live copy until the update is published', () => {
      const state = given(...edited).state;
      if (state.status === 'none') throw new Error('article vanished');
      expect(state.live?.content.headline).toBe('Harbour reopens after storm');
      expect(state.live?.version).toBe(3);
      expect(state.working.headline).toBe('Harbour reopens, ferries delayed');
    });

    it('replaces the live copy when the update is published', () => {
      given(...edited)
        .when(publishArticle({ updateKind: 'major' }))
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.live).toMatchObject({
            version: 5,
            updateKind: 'major',
            content: { headline: 'Harbour reopens, ferries delayed' },
          });
        });
    });

    it('refuses to publish when the working copy is identical to the live copy', () => {
      given(...history)
        .when(publishArticle())
        .thenThrows(NothingToPublish, { code: 'NOTHING_TO_PUBLISH', liveVersion: 3, currentStatus: 'published' });
    });

    it('refuses to publish when edits were made and then undone', () => {
      given(...edited, revised({ headline: 'Harbour reopens after storm' }))
        .when(publishArticle({ updateKind: 'minor' }))
        .thenThrows(NothingToPublish);
    });
  });

  describe('when unpublished', () => {
    it('republishes the same content as an update', () => {
      given(...historyUntil('unpublished'))
        .when(publishArticle())
        .then(published({ publishedVersion: 5, updateKind: 'minor' }));
    });

    it('republishes even when an embargo was later added, once it has passed', () => {
      given(...historyUntil('published'), revised({ embargoUntil: AN_HOUR_AGO }), unpublished())
        .when(publishArticle({ updateKind: 'major' }))
        .then(published({ publishedVersion: 6, updateKind: 'major' }));
    });
  });
});
