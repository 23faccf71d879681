import type { ArticleEvent } from '@newsroom/editorial-domain';
import {
  approved,
  ARTICLE_ID,
  correctionIssued,
  drafted,
  IN_AN_HOUR,
  NOW,
  published,
  revised,
  submitted,
  TOMORROW,
  unpublished,
} from '@newsroom/testing';
import { evolveArticleRow, type ArticleRow } from './article-state.projection';
import { envelopes } from './projection.fixtures';
import { evolvePublicArticle, slugOf, type PublicArticle } from './public-article.projection';

/** The public row after a whole history, folded as the runner folds it. */
function publicAfter(...history: ArticleEvent[]): PublicArticle | null {
  let article: ArticleRow | null = null;
  let row: PublicArticle | null = null;
  for (const event of envelopes(history)) {
    article = evolveArticleRow(article, event);
    row = evolvePublicArticle(row, { event, after: article });
  }
  return row;
}

const LIVE = [drafted({ headline: 'Harbour reopens' }), submitted(), approved(), published()];
const LATER = '2030-01-15T12:00:00.000Z';

describe('the public article row', () => {
  it('given an article never published, then there is no public row', () => {
    expect(publicAfter(drafted(), submitted(), approved())).toBeNull();
  });

  it('given a first publication, then it is live with the published copy, its slug and its dates', () => {
    const row = publicAfter(...LIVE)!;

    expect(row).toMatchObject({
      status: 'live',
      slug: 'harbour-reopens-6f1c2a9e',
      slugs: ['harbour-reopens-6f1c2a9e'],
      liveVersion: 3,
      firstPublishedAt: NOW,
      publishedAt: NOW,
      modifiedAt: NOW,
      visibleFrom: NOW,
      version: 4,
    });
    expect(row.content.headline).toBe('Harbour reopens');
  });

  it('when the working copy changes without a publication, then the public copy does not', () => {
    const row = publicAfter(...LIVE, revised({ headline: 'Secret new headline' }))!;

    expect(row.content.headline).toBe('Harbour reopens');
    expect(row.version).toBe(4);
  });

  it('when a minor update is published, then the body changes and modifiedAt stays', () => {
    const row = publicAfter(
      ...LIVE,
      revised({ body: [{ type: 'paragraph', text: 'Typo fixed.' }] }),
      published({ publishedVersion: 5, publishedAt: IN_AN_HOUR, updateKind: 'minor' }),
    )!;

    expect(row.content.body).toEqual([{ type: 'paragraph', text: 'Typo fixed.' }]);
    expect(row).toMatchObject({ publishedAt: IN_AN_HOUR, modifiedAt: NOW, liveVersion: 5, updateKind: 'minor' });
  });

  it('when a major update renames the story, then modifiedAt moves and the first slug stays canonical', () => {
    const row = publicAfter(
      ...LIVE,
      revised({ headline: 'Harbour reopens after storm repairs' }),
      published({ publishedVersion: 5, publishedAt: IN_AN_HOUR, updateKind: 'major' }),
    )!;

    expect(row.modifiedAt).toBe(IN_AN_HOUR);
    expect(row.slug).toBe('harbour-reopens-6f1c2a9e');
    expect(row.slugs).toEqual(['harbour-reopens-6f1c2a9e', 'harbour-reopens-after-storm-repairs-6f1c2a9e']);
  });

  it('when a correction is issued, then it is listed and modifiedAt moves to its date', () => {
    const row = publicAfter(...LIVE, correctionIssued({ issuedAt: LATER }))!;

    expect(row.corrections).toEqual([expect.objectContaining({ issuedAt: LATER, kind: 'correction' })]);
    expect(row.modifiedAt).toBe(LATER);
  });

  it('when unpublished, then it becomes a withdrawn tombstone with the time of withdrawal', () => {
    const row = publicAfter(...LIVE, unpublished('Legal complaint', LATER))!;

    expect(row).toMatchObject({ status: 'withdrawn', version: 5 });
    expect(row.withdrawnAt).toEqual(expect.any(String));
  });

  it('when republished after unpublishing, then it is live again under the same slug', () => {
    const row = publicAfter(
      ...LIVE,
      unpublished(),
      published({ publishedVersion: 5, publishedAt: LATER, updateKind: 'major' }),
    )!;

    expect(row).toMatchObject({ status: 'live', withdrawnAt: null, slug: 'harbour-reopens-6f1c2a9e' });
  });

  it('given an embargo later than the publication, then the row is visible only from the embargo', () => {
    const row = publicAfter(drafted({ embargoUntil: TOMORROW }), submitted(), approved(), published())!;

    expect(row.visibleFrom).toBe(TOMORROW);
  });

  it('given a redelivered event, then the row is returned unchanged', () => {
    let article: ArticleRow | null = null;
    let row: PublicArticle | null = null;
    const events = envelopes([...LIVE, correctionIssued()]);
    for (const event of events) {
      article = evolveArticleRow(article, event);
      row = evolvePublicArticle(row, { event, after: article });
    }
    const again = evolvePublicArticle(row, { event: events[3]!, after: article! });

    expect(again).toBe(row);
  });
});

describe('the slug of a headline', () => {
  it('is lower-case ASCII words and the id prefix, with markup characters dropped', () => {
    expect(slugOf('<script>Øresund café: 50% & more</script>', ARTICLE_ID)).toBe(
      'script-oresund-cafe-50-more-script-6f1c2a9e',
    );
  });

  it('falls back to "story" when no word survives', () => {
    expect(slugOf('日本語', ARTICLE_ID)).toBe('story-6f1c2a9e');
  });
});
