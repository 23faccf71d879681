import { createHash } from 'node:crypto';
import type { PublicArticle } from '../../projections/public-article.projection';
import {
  bodyHtml,
  bylineOf,
  contributedLineOf,
  correctionsHtml,
  namesList,
  othersOf,
  timeHtml,
} from './article-body.html';
import { escapeHtml as e, jsonForScript } from './html-escape';
import { newsArticleOf } from './news-article.jsonld';
import { pageUrl, type PublicSite } from './public-site';
import { readableRow } from './public-text';
import { noticesOf } from '../../projections/public-article.projection';

const STYLE = [
  'body{font:1.1rem/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}',
  'h1{font-size:2rem;line-height:1.2}.standfirst{font-size:1.25rem}',
  '.meta,.credits,figcaption{font:.9rem/1.4 sans-serif;color:#444}',
  'img{max-width:100%;height:auto}blockquote{border-left:4px solid #888;margin-left:0;padding-left:1rem}',
  '.corrections{background:#f4f1e8;padding:.5rem 1rem}',
].join('');

/**
 * The article pages' Content-Security-Policy: no script runs (the JSON-LD block is data, which CSP
 * does not execute), the one style block by its hash, photos from any http(s) host.
 */
export const ARTICLE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  'img-src https: http: data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The live article as a readable page, with its NewsArticle JSON-LD embedded. */
export function articlePageHtml(stored: PublicArticle, site: PublicSite): string {
  const row = readableRow(stored);
  const c = row.content;
  const byline = bylineOf(c.contributors);
  const contributed = contributedLineOf(c.contributors);
  const others = othersOf(c.contributors).map((p) => `${p.name} (${p.role})`);
  // The visible "updated" date is the JSON-LD's dateModified: shown only when a major update or a
  // correction moved it past the first publication.
  const updated = row.modifiedAt !== row.firstPublishedAt ? ` · Updated ${timeHtml(row.modifiedAt)}` : '';
  const header = [
    c.dateline ? `<p class="meta dateline">${e(c.dateline)}</p>` : '',
    `<h1>${e(c.headline)}</h1>`,
    c.standfirst ? `<p class="standfirst">${e(c.standfirst)}</p>` : '',
    byline ? `<p class="meta byline">${e(byline)}</p>` : '',
    `<p class="meta">Published ${timeHtml(row.firstPublishedAt)}${updated}</p>`,
  ].join('');
  const credits = [
    contributed ? `<p class="credits">${e(contributed)}</p>` : '',
    others.length ? `<p class="credits">Also credited: ${e(namesList(others))}.</p>` : '',
  ].join('');
  return page(c.language, c.headline, pageUrl(site, row.slug), c.standfirst, [
    `<script type="application/ld+json">${jsonForScript(newsArticleOf(row, site))}</script>`,
    `</head><body><main><article>`,
    `<header>${header}</header>`,
    correctionsHtml(noticesOf(row)),
    bodyHtml(c.body, c.photos),
    credits ? `<footer>${credits}</footer>` : '',
    `</article></main></body></html>`,
  ]);
}

/** What a reader sees of a story that was published and then withdrawn (served with 410 Gone). */
export function withdrawnPageHtml(): string {
  return page('en', 'Story withdrawn', null, '', [
    `</head><body><main><h1>Story withdrawn</h1><p>This story is no longer available.</p></main></body></html>`,
  ]);
}

/** What a reader sees for a slug that leads nowhere (yet): served with 404. */
export function notFoundPageHtml(): string {
  return page('en', 'Story not found', null, '', [
    `</head><body><main><h1>Story not found</h1><p>There is no story at this address.</p></main></body></html>`,
  ]);
}

function page(lang: string, title: string, canonical: string | null, description: string, rest: string[]): string {
  return [
    `<!doctype html><html lang="${e(lang)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(title)}</title>`,
    description ? `<meta name="description" content="${e(description)}">` : '',
    canonical ? `<link rel="canonical" href="${e(canonical)}">` : '',
    `<link rel="alternate" type="application/atom+xml" title="Atom" href="/feeds/atom.xml">`,
    `<style>${STYLE}</style>`,
    ...rest,
  ].join('');
}
