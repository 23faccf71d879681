import {
  aColleague,
  approved,
  ARTICLE_ID,
  contributionMerged,
  contributorAdded,
  correctionIssued,
  drafted,
  NOW,
  published,
  revised,
  submitted,
} from '@newsroom/testing';
import type { ArticleEvent } from '@newsroom/editorial-domain';
import { evolveArticleRow } from './article-state.projection';
import { ledgerChangeOf, personKeyOf } from './contributor-ledger.projection';
import { afterHistory } from './projection.fixtures';

/** What `event` adds to the ledger as the next version after `history`. */
function changeAfter(history: ArticleEvent[], event: ArticleEvent) {
  const { row, next } = afterHistory(...history);
  const e = next(event);
  return ledgerChangeOf(row, e, evolveArticleRow(row, e));
}

const credited = [drafted(), contributorAdded({ contributorId: 'c-desk', name: 'Dana  DESK', role: 'photographer' })];
const merged = contributionMerged({ contributionId: 'contribution-1' });

describe('the contributor ledger', () => {
  it('given an accepted contribution that creates a credit, then the credit is traced to it', () => {
    expect(changeAfter(credited, merged)).toEqual({
      merged: {
        articleId: ARTICLE_ID,
        contributorId: 'contributor-from-contribution-1',
        contributionId: 'contribution-1',
      },
      published: [],
    });
  });

  it('given a merge that found its credit already there, then no credit is traced to it', () => {
    const existing = { ...merged, data: { ...merged.data, credited: false } };
    expect(changeAfter(credited, existing).merged).toBeNull();
  });

  it('when the working copy changes, then nothing is in the ledger: only published versions are', () => {
    expect(changeAfter([...credited, merged], revised({ headline: 'Ferries return' })).published).toEqual([]);
    expect(changeAfter([...credited, merged], submitted()).published).toEqual([]);
  });

  it('when a version is published, then each of its credits is an entry keyed by the name', () => {
    const history = [...credited, merged, submitted(), approved()];
    const change = changeAfter(history, published({ publishedVersion: 5, publishedAt: NOW }));

    expect(change.published).toEqual([
      expect.objectContaining({
        personKey: 'dana desk',
        articleId: ARTICLE_ID,
        articleVersion: 5,
        publishedAt: NOW,
        contributorId: 'c-desk',
        role: 'photographer',
      }),
      expect.objectContaining({ personKey: personKeyOf(aColleague().name), articleVersion: 5, role: 'contributor' }),
    ]);
  });

  it('when an update is published, then that version is in the ledger too; a correction alone adds nothing', () => {
    const first = [...credited, submitted(), approved(), published({ publishedVersion: 4, publishedAt: NOW })];
    expect(changeAfter(first, correctionIssued()).published).toEqual([]);

    const update = published({ publishedVersion: 6, publishedAt: '2030-01-16T08:00:00.000Z', updateKind: 'minor' });
    const change = changeAfter([...first, revised({ headline: 'Ferries are back' })], update);
    expect(change.published).toEqual([
      expect.objectContaining({ personKey: 'dana desk', articleVersion: 6, headline: 'Ferries are back' }),
    ]);
  });

  it('keys a person by their name, whatever its case, spacing or Unicode composition', () => {
    expect(personKeyOf('  Zoe\u0301   MARTIN ')).toBe(personKeyOf('zo\u00e9 martin'));
  });
});
