import { create } from 'xmlbuilder2';
import { sectionKeyOf } from '../../projections/public-article.projection';
import type { FeedEntry } from '../../tables/public-articles.table';
import { authorsOf, bylineOf } from './article-body.html';
import { articleUri, pageUrl, sectionUri, type PublicSite } from './public-site';
import { readableRow } from './public-text';

/** One page of a feed as the routes ask for it. */
export interface FeedPage {
  entries: readonly FeedEntry[];
  /** The section key, for a section's feed. */
  section?: string;
  page: number;
  more: boolean;
  /** The newest entry's time, or null for an empty feed. */
  newest: string | null;
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RFC 6721: a withdrawn story is announced as deleted, so readers that kept it remove it. */
const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Where a feed lives, relative to the site: `/feeds/atom.xml`, `/feeds/sections/world/feed.json`. */
export function feedPath(kind: 'atom.xml' | 'feed.json', section?: string, page = 1): string {
  const base = section ? `/feeds/sections/${encodeURIComponent(section)}/${kind}` : `/feeds/${kind}`;
  return page > 1 ? `${base}?page=${page}` : base;
}

function titleOf(site: PublicSite, p: FeedPage): string {
  if (!p.section) return site.publisherName;
  const name = p.entries.flatMap((x) => x.content.sections).find((s) => sectionKeyOf(s) === p.section);
  return `${site.publisherName}: ${name ?? p.section}`;
}

/**
 * Atom 1.0: `updated` is the entry's last major change (first publication, major update or
 * correction), `published` its first publication; withdrawn stories are `at:deleted-entry`.
 */
export function atomFeedOf(site: PublicSite, p: FeedPage): string {
  const feed = create({ version: '1.0', encoding: 'utf-8' }).ele(ATOM_NS, 'feed').att('xmlns:at', TOMBSTONES_NS);
  feed.ele('id').txt(p.section ? `urn:newsroom:feed:section:${p.section}` : 'urn:newsroom:feed:all');
  feed.ele('title').txt(titleOf(site, p));
  feed.ele('updated').txt(p.newest ?? EPOCH);
  feed.ele('link', {
    rel: 'self',
    type: 'application/atom+xml',
    href: site.baseUrl + feedPath('atom.xml', p.section, p.page),
  });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: `${site.baseUrl}/` });
  if (p.more) feed.ele('link', { rel: 'next', href: site.baseUrl + feedPath('atom.xml', p.section, p.page + 1) });
  if (p.page > 1)
    feed.ele('link', { rel: 'previous', href: site.baseUrl + feedPath('atom.xml', p.section, p.page - 1) });
  feed.ele('author').ele('name').txt(site.publisherName);
  for (const x of p.entries.map(readableRow)) {
    if (x.status === 'withdrawn') {
      feed
        .ele(TOMBSTONES_NS, 'at:deleted-entry', { ref: articleUri(x.articleId), when: x.withdrawnAt ?? x.modifiedAt })
        .ele(TOMBSTONES_NS, 'at:comment')
        .txt('This story has been withdrawn.');
      continue;
    }
    const c = x.content;
    const entry = feed.ele('entry');
    entry.ele('id').txt(articleUri(x.articleId));
    entry.ele('title', { type: 'text' }).txt(c.headline);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: pageUrl(site, x.slug) });
    entry.ele('published').txt(x.firstPublishedAt);
    entry.ele('updated').txt(x.modifiedAt);
    for (const a of authorsOf(c.contributors)) entry.ele('author').ele('name').txt(a.name);
    if (authorsOf(c.contributors).length === 0) entry.ele('author').ele('name').txt(site.publisherName);
    for (const o of c.contributors.filter((k) => k.role !== 'author')) entry.ele('contributor').ele('name').txt(o.name);
    for (const s of c.sections) entry.ele('category', { term: s, scheme: sectionUri('') });
    if (c.standfirst) entry.ele('summary', { type: 'text' }).txt(c.standfirst);
  }
  return feed.end({ prettyPrint: false });
}

/** JSON Feed 1.1: live stories only (the format has no tombstone), newest first. */
export function jsonFeedOf(site: PublicSite, p: FeedPage): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: titleOf(site, p),
    home_page_url: `${site.baseUrl}/`,
    feed_url: site.baseUrl + feedPath('feed.json', p.section, p.page),
    ...(p.more ? { next_url: site.baseUrl + feedPath('feed.json', p.section, p.page + 1) } : {}),
    authors: [{ name: site.publisherName }],
    items: p.entries
      .filter((x) => x.status === 'live')
      .map(readableRow)
      .map((x) => {
        const c = x.content;
        const byline = bylineOf(c.contributors);
        return {
          id: articleUri(x.articleId),
          url: pageUrl(site, x.slug),
          title: c.headline,
          content_text: c.standfirst || c.headline,
          ...(c.standfirst ? { summary: c.standfirst } : {}),
          ...(c.photos[0] ? { image: c.photos[0].url } : {}),
          date_published: x.firstPublishedAt,
          date_modified: x.modifiedAt,
          authors: byline ? authorsOf(c.contributors).map((a) => ({ name: a.name })) : [{ name: site.publisherName }],
          ...(c.sections.length || c.tags.length ? { tags: [...c.sections, ...c.tags] } : {}),
          language: c.language,
        };
      }),
  };
}
