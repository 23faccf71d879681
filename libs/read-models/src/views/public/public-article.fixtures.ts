import type { ArticleEvent } from '@newsroom/editorial-domain';
import {
  approved,
  contributorAdded,
  correctionIssued,
  drafted,
  photoAttached,
  published,
  submitted,
  wireStory,
  wireStoryBody,
  wireStoryContributors,
  wireStoryPhotos,
} from '@newsroom/testing';
import { evolveArticleRow, type ArticleRow } from '../../projections/article-state.projection';
import { envelopes } from '../../projections/projection.fixtures';
import { evolvePublicArticle, type PublicArticle } from '../../projections/public-article.projection';
import type { PublicSite } from './public-site';
import { redactedStream } from '../../projections/redaction.fixtures';

// Public rows for the view specs, folded from events exactly as the projector folds them.

export const SITE: PublicSite = {
  baseUrl: 'https://news.example.org',
  publisherName: 'Newsroom Daily',
  correctionsPolicyUrl: 'https://news.example.org/corrections-policy',
  publishingPrinciplesUrl: 'https://news.example.org/principles',
};

export function publicRowAfter(...history: ArticleEvent[]): PublicArticle {
  let article: ArticleRow | null = null;
  let row: PublicArticle | null = null;
  for (const event of envelopes(history)) {
    article = evolveArticleRow(article, event);
    row = evolvePublicArticle(row, { event, after: article });
  }
  if (!row) throw new Error('the history never went live');
  return row;
}

const PHOTO_IDS = ['photo-a', 'photo-b', 'photo-c'];

/** The wire-shaped story up to its first publication, with overrides of its draft fields. */
export function wireStoryHistory(overrides: Partial<Parameters<typeof drafted>[0]> = {}): ArticleEvent[] {
  const events: ArticleEvent[] = [
    drafted({ ...wireStory, body: wireStoryBody(PHOTO_IDS), embargoUntil: null, ...overrides }),
    ...wireStoryContributors.map((c, i) =>
      contributorAdded({ ...c, contributorId: `contributor-${i + 1}` } as Parameters<typeof contributorAdded>[0]),
    ),
    ...wireStoryPhotos.map((p, i) => photoAttached({ ...p, photoId: PHOTO_IDS[i] })),
  ];
  const n = events.length;
  return [...events, submitted(), approved(), published({ publishedVersion: n + 2 })];
}

export const aLiveWireStory = (overrides: Partial<Parameters<typeof drafted>[0]> = {}) =>
  publicRowAfter(...wireStoryHistory(overrides));

export const aCorrectedWireStory = () =>
  publicRowAfter(...wireStoryHistory(), correctionIssued({ issuedAt: '2030-01-15T12:00:00.000Z' }));

/** The public row of issue #12's canary story after its legal redaction (see redaction.fixtures). */
export function aRedactedStory(): PublicArticle {
  let article: ArticleRow | null = null;
  let row: PublicArticle | null = null;
  for (const event of redactedStream().replayed) {
    article = evolveArticleRow(article, event);
    row = evolvePublicArticle(row, { event, after: article });
  }
  return row!;
}
