import { describe, expect, it } from '@jest/globals';
import type { HistoryEntry } from '@newsroom/contracts';
import { comparedPair, lastPublishedVersion, previousVersionPair, sinceLastPublishedPair } from './compare-presets';

const entry = (version: number, type: string): HistoryEntry => ({
  articleId: 'a',
  version,
  type,
  occurredAt: '2026-02-13T10:00:00.000Z',
  actor: { id: 'u', name: 'Eda Editor', role: 'editor' },
  summary: type,
  changes: [],
});

const published = ['ArticleDrafted', 'SubmittedForReview', 'ArticleApproved', 'ArticlePublished', 'ArticleRevised'].map(
  (t, i) => entry(i + 1, t),
);
const republished = [
  ...published,
  entry(6, 'ArticlePublished'),
  entry(7, 'ArticleRevised'),
  entry(8, 'ArticleRevised'),
];
const draft = ['ArticleDrafted', 'ArticleRevised', 'ArticleRevised'].map((t, i) => entry(i + 1, t));

describe('comparing since the last publication, the default', () => {
  it('compares the newest publication with the newest version', () => {
    expect(lastPublishedVersion(republished)).toBe(6);
    expect(sinceLastPublishedPair(republished, 8)).toEqual({ from: 6, to: 8 });
  });

  it('has nothing to offer when the article was never published or not changed since', () => {
    expect(sinceLastPublishedPair(draft, 3)).toBeUndefined();
    expect(sinceLastPublishedPair(published.slice(0, 4), 4)).toBeUndefined();
  });

  it('falls back to the previous version, and to version 1 against itself for a new article', () => {
    expect(comparedPair({}, draft, 3)).toEqual({ from: 2, to: 3 });
    expect(previousVersionPair(1)).toEqual({ from: 1, to: 1 });
  });

  it('takes the URL’s pair over the default, but not a version that does not exist', () => {
    expect(comparedPair({ from: 1, to: 2 }, republished, 8)).toEqual({ from: 1, to: 2 });
    expect(comparedPair({ from: 3, to: 99 }, republished, 8)).toEqual({ from: 3, to: 8 });
    expect(comparedPair({}, republished, 8)).toEqual({ from: 6, to: 8 });
  });
});
