import { parseFeed } from '@rowanmanning/feed-parser';
import { parseJsonFeed } from 'feedsmith';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { unpublished } from '@newsroom/testing';
import type { FeedEntry } from '../../tables/public-articles.table';
import { atomFeedOf, jsonFeedOf, type FeedPage } from './feeds.view';
import { aCorrectedWireStory, aLiveWireStory, publicRowAfter, SITE, wireStoryHistory } from './public-article.fixtures';

const jsonFeedSchema = JSON.parse(readFileSync(join(__dirname, 'json-feed-1.1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

const asEntry = ({ content: { body: _body, ...content }, ...row }: ReturnType<typeof aLiveWireStory>): FeedEntry => ({
  ...row,
  content,
});
const live = {
  ...asEntry(aCorrectedWireStory()),
  articleId: '11111111-1111-4111-8111-111111111111',
  slug: 'live-11111111',
};
const older = {
  ...asEntry(aLiveWireStory({ headline: 'Older story' })),
  articleId: '22222222-2222-4222-8222-222222222222',
};
const gone = {
  ...asEntry(publicRowAfter(...wireStoryHistory(), unpublished('Legal', '2030-01-15T13:00:00.000Z'))),
  articleId: '33333333-3333-4333-8333-333333333333',
};
const page: FeedPage = { entries: [gone, live, older], page: 1, more: true, newest: gone.withdrawnAt };

/** The tombstones of an Atom document, read with xmlbuilder2's parser (the feed parser skips them). */
function tombstonesOf(xml: string): Array<{ ref: string; when: string }> {
  const doc = create(xml).end({ format: 'object' }) as Record<string, any>;
  const feed = doc['feed'] ?? doc['atom:feed'];
  const deleted = feed['at:deleted-entry'];
  return (Array.isArray(deleted) ? deleted : deleted ? [deleted] : []).map((d: any) => ({
    ref: d['@ref'],
    when: d['@when'],
  }));
}

describe('the Atom feed, read back by a feed parser', () => {
  const xml = atomFeedOf(SITE, page);
  const feed = parseFeed(xml);

  it('lists live stories newest first with their ids, links and dates', () => {
    expect(feed.items.map((i) => i.id)).toEqual([
      'urn:newsroom:article:11111111-1111-4111-8111-111111111111',
      'urn:newsroom:article:22222222-2222-4222-8222-222222222222',
    ]);
    const [first] = feed.items;
    expect(first!.url).toBe('https://news.example.org/news/live-11111111');
    expect(first!.published?.toISOString()).toBe(live.firstPublishedAt);
    // A correction moved `updated`; the publication date stays.
    expect(first!.updated?.toISOString()).toBe('2030-01-15T12:00:00.000Z');
    expect(first!.authors.map((a) => a.name)).toEqual(['Maren Holt']);
  });

  it('links the next page', () => {
    expect(xml).toContain('<link rel="next" href="https://news.example.org/feeds/atom.xml?page=2"/>');
  });

  it('announces a withdrawn story as an RFC 6721 deleted-entry with its time, not as an entry', () => {
    expect(tombstonesOf(xml)).toEqual([
      { ref: 'urn:newsroom:article:33333333-3333-4333-8333-333333333333', when: expect.any(String) },
    ]);
    expect(xml).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"');
    expect(feed.items.map((i) => i.id)).not.toContain('urn:newsroom:article:33333333-3333-4333-8333-333333333333');
  });

  it('escapes a <script> headline as text', () => {
    const evil = { ...asEntry(aLiveWireStory({ headline: '<script>alert(1)</script>' })) };
    const out = atomFeedOf(SITE, { entries: [evil], page: 1, more: false, newest: evil.modifiedAt });

    expect(out).not.toContain('<script>');
    expect(parseFeed(out).items[0]!.title).toBe('<script>alert(1)</script>');
  });
});

describe('JSON Feed 1.1', () => {
  const doc = jsonFeedOf(SITE, page);

  it('fits the JSON Feed 1.1 schema', () => {
    expect(validateJsonFeed(doc) ? [] : validateJsonFeed.errors).toEqual([]);
  });

  it('lists the live stories with the same ids and dates as Atom, leaving the withdrawn one out', () => {
    const atom = parseFeed(atomFeedOf(SITE, page));
    // Read back from the wire text by a JSON Feed parser that did not write it.
    const items = parseJsonFeed(JSON.stringify(doc)).items ?? [];

    expect(items.map((i) => [i.id, i.date_published, i.date_modified])).toEqual(
      atom.items.map((i) => [i.id, i.published?.toISOString(), i.updated?.toISOString()]),
    );
    expect(doc.next_url).toBe('https://news.example.org/feeds/feed.json?page=2');
  });

  it('fails the schema without a version (the schema can fail)', () => {
    expect(validateJsonFeed({ ...doc, version: undefined })).toBe(false);
  });
});
