import type { Contributor } from '@newsroom/editorial-domain';
import { noticesOf, type PublicArticle } from '../../projections/public-article.projection';
import { readableRow } from './public-text';
import { authorsOf } from './article-body.html';
import { pageUrl, type PublicSite } from './public-site';

/**
 * The live article as schema.org `NewsArticle` JSON-LD: the same object in the page's
 * `application/ld+json` block and at /api/public/articles/:id.jsonld. `dateModified` is the row's
 * `modifiedAt`: it moves on major updates and corrections only, as the page, ninjs and feeds do.
 */
export function newsArticleOf(stored: PublicArticle, site: PublicSite): Record<string, unknown> {
  const row = readableRow(stored);
  const notices = noticesOf(row);
  const c = row.content;
  const url = pageUrl(site, row.slug);
  const authors = authorsOf(c.contributors);
  const others = c.contributors.filter((p) => p.role !== 'author');
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: c.headline,
    ...(c.standfirst ? { description: c.standfirst } : {}),
    ...(c.photos.length ? { image: c.photos.map((p) => p.url) } : {}),
    datePublished: row.firstPublishedAt,
    dateModified: row.modifiedAt,
    ...(c.dateline ? { dateline: c.dateline } : {}),
    inLanguage: c.language,
    ...(c.sections.length ? { articleSection: c.sections } : {}),
    ...(c.tags.length ? { keywords: c.tags } : {}),
    ...(authors.length ? { author: authors.map(personOf) } : {}),
    ...(others.length ? { contributor: others.map(personOf) } : {}),
    // An editor's note (a legal redaction's) is a correction to readers: schema.org has no other term.
    ...(notices.length
      ? {
          correction: notices.map((k) => ({
            '@type': 'CorrectionComment',
            text: k.text,
            datePublished: k.issuedAt,
          })),
        }
      : {}),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: site.publisherName,
      url: site.baseUrl,
      correctionsPolicy: site.correctionsPolicyUrl,
      publishingPrinciples: site.publishingPrinciplesUrl,
    },
  };
}

function personOf(p: Contributor) {
  return {
    '@type': 'Person',
    name: p.name,
    ...(p.affiliation ? { affiliation: { '@type': 'Organization', name: p.affiliation } } : {}),
  };
}
