import { unpublished } from '@newsroom/testing';
import { evolveArticleRow, type ArticleRow } from '../../projections/article-state.projection';
import { envelope, envelopes } from '../../projections/projection.fixtures';
import type { ProjectedEvent } from '../../projections/projected-event';
import { evolvePublicArticle, type PublicArticle } from '../../projections/public-article.projection';
import {
  CANARY,
  contentRedacted,
  EDITORS_NOTE,
  fieldsHolding,
  NOTICE,
  redactedStream,
  withMarkers,
} from '../../projections/redaction.fixtures';
import { redactionMarker } from '@newsroom/event-store';
import type { FeedEntry } from '../../tables/public-articles.table';
import { articlePageHtml } from './article-page.html';
import { atomFeedOf, jsonFeedOf } from './feeds.view';
import { newsArticleOf } from './news-article.jsonld';
import { ninjsOf } from './ninjs.view';
import { SITE } from './public-article.fixtures';
import { REMOVED_TEXT } from './public-text';

// Issue #12's public side: a redacted story is re-issued to readers and partners like a correction.

function publicRowOf(events: ProjectedEvent[]): PublicArticle | null {
  let article: ArticleRow | null = null;
  let row: PublicArticle | null = null;
  for (const event of events) {
    article = evolveArticleRow(article, event);
    row = evolvePublicArticle(row, { event, after: article });
  }
  return row;
}

const surname = CANARY.split(' ')[1];
const { live, replayed, redactionVersion } = redactedStream();
const before = publicRowOf(live.filter((e) => e.version < redactionVersion))!;
const after = publicRowOf(replayed)!;
const asEntry = ({ content: { body: _body, ...content }, ...row }: PublicArticle): FeedEntry => ({ ...row, content });

describe('the public row of a live story, on a legal redaction', () => {
  it('is a new public version carrying the re-issued live copy and corrections', () => {
    expect(JSON.stringify(before)).toContain(CANARY);

    expect(after).toMatchObject({ status: 'live', version: redactionVersion, liveVersion: redactionVersion });
    expect(after.liveVersion).toBeGreaterThan(before.liveVersion);
    expect(after.content.headline).toBe('Harbour deal:  speaks');
    expect(after.corrections).toEqual([expect.objectContaining({ text: 'An earlier version misspelt .' })]);
    expect(JSON.stringify(after).toLowerCase()).not.toContain(surname.toLowerCase());
  });

  it('carries the editor’s note dated like a correction, and moves modifiedAt and publishedAt to it', () => {
    expect(after.editorNotes).toEqual([{ text: EDITORS_NOTE, issuedAt: NOTICE.redactedAt }]);
    expect(after).toMatchObject({ modifiedAt: NOTICE.redactedAt, publishedAt: NOTICE.redactedAt });
    expect(after.firstPublishedAt).toBe(before.firstPublishedAt);
  });

  it('keeps no slug made from a redacted headline', () => {
    expect(before.slugs.join(' ')).toContain(surname.toLowerCase());
    expect(after.slugs.join(' ')).not.toContain(surname.toLowerCase());
    expect(after.slug).toBe(before.slug);
  });
});

describe('the public row of a story never published, on a legal redaction', () => {
  it('is still none', () => {
    const history = envelopes(live.slice(0, 3).map((e) => ({ type: e.type, data: e.data }) as never));
    const fields = fieldsHolding(history, CANARY);
    const draftRow = history.reduce<ArticleRow | null>(evolveArticleRow, null)!;
    const redaction = envelope(contentRedacted(draftRow, fields), 4);

    expect(publicRowOf([...withMarkers(history, fields), redaction])).toBeNull();
  });
});

describe('the public row of a withdrawn story, on a legal redaction', () => {
  it('stays a withdrawn tombstone, its version moved and the note kept', () => {
    const history = live.filter((e) => e.version < redactionVersion);
    const withdrawn = [...history, envelope(unpublished(), redactionVersion)];
    const fields = fieldsHolding(withdrawn, CANARY);
    const row = withdrawn.reduce<ArticleRow | null>(evolveArticleRow, null)!;
    const redaction = envelope(contentRedacted(row, fields), redactionVersion + 1);

    const tombstone = publicRowOf([...withMarkers(withdrawn, fields), redaction])!;

    expect(tombstone).toMatchObject({ status: 'withdrawn', version: redactionVersion + 1 });
    expect(tombstone.editorNotes).toEqual([{ text: EDITORS_NOTE, issuedAt: NOTICE.redactedAt }]);
    expect(JSON.stringify(tombstone)).not.toContain(CANARY);
  });
});

describe('a redacted story as readers and partners get it', () => {
  it('shows the editor’s note with its date on the page, beside the corrections', () => {
    const html = articlePageHtml(after, SITE);

    expect(html).toContain(`<strong>Editor’s note</strong> <time datetime="${NOTICE.redactedAt}">`);
    expect(html).toContain(EDITORS_NOTE);
    expect(html).toContain('<strong>Correction</strong>');
    expect(html).not.toContain(surname);
  });

  it('gives JSON-LD a CorrectionComment for the note, with dateModified at the redaction', () => {
    const doc = newsArticleOf(after, SITE);

    expect(doc.dateModified).toBe(NOTICE.redactedAt);
    expect(doc.correction).toEqual(
      expect.arrayContaining([{ '@type': 'CorrectionComment', text: EDITORS_NOTE, datePublished: NOTICE.redactedAt }]),
    );
  });

  it('gives ninjs a new version with the note in ednote and in the visible body', () => {
    const doc = ninjsOf(after, SITE);

    expect(doc.version).toBe(String(redactionVersion));
    expect(doc.versioncreated).toBe(NOTICE.redactedAt);
    expect(doc.ednote).toContain(`Editor’s note (${NOTICE.redactedAt}): ${EDITORS_NOTE}`);
    expect(JSON.stringify(doc.bodies)).toContain(EDITORS_NOTE);
    expect(JSON.stringify(doc)).not.toContain(surname);
  });

  it('updates the story in the feeds', () => {
    const page = { entries: [asEntry(after)], more: false, page: 1, newest: after.modifiedAt };

    expect(atomFeedOf(SITE, page)).toContain(`<updated>${NOTICE.redactedAt}</updated>`);
    expect(jsonFeedOf(SITE, page).items).toEqual([expect.objectContaining({ date_modified: NOTICE.redactedAt })]);
  });
});

describe('a public row holding a redaction marker anyway', () => {
  const marker = redactionMarker('kid-1', NOTICE);
  const row: PublicArticle = {
    ...after,
    content: {
      ...after.content,
      headline: marker as never,
      body: [{ type: 'quote', text: 'Nobody was meant to see these.', attribution: marker as never }],
      contributors: [{ contributorId: 'c-1', name: marker as never, role: 'author' }],
    },
  };

  it.each([
    ['the page', () => articlePageHtml(row, SITE)],
    ['JSON-LD', () => JSON.stringify(newsArticleOf(row, SITE))],
    ['ninjs', () => JSON.stringify(ninjsOf(row, SITE))],
    ['the Atom feed', () => atomFeedOf(SITE, { entries: [asEntry(row)], more: false, page: 1, newest: null })],
    [
      'the JSON feed',
      () => JSON.stringify(jsonFeedOf(SITE, { entries: [asEntry(row)], more: false, page: 1, newest: null })),
    ],
  ])('is rendered by %s as removed text, never as an object', (_, render) => {
    const out = render();

    expect(out).toContain(REMOVED_TEXT);
    expect(out).not.toContain('[object Object]');
    expect(out).not.toContain('$redacted');
    expect(out).not.toContain(NOTICE.reference);
  });
});
