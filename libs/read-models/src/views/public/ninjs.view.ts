import type { Photo } from '@newsroom/editorial-domain';
import { noticesOf, sectionKeyOf, type PublicArticle } from '../../projections/public-article.projection';
import { bodyHtml, bylineOf, correctionsHtml, NOTICE_LABELS } from './article-body.html';
import { readableRow } from './public-text';
import {
  articleUri,
  contributorRoleUri,
  contributorUri,
  photoUri,
  sectionUri,
  tagUri,
  type PublicSite,
} from './public-site';

/** A ninjs 2.2 document: only properties the official schema defines (it forbids any other). */
export type NinjsDocument = Record<string, unknown> & { uri: string; pubstatus: 'usable' | 'withheld' | 'canceled' };

const STANDARD = { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' };

/**
 * The public article as IPTC ninjs 2.2 for partner newsrooms. A withdrawn article is a `canceled`
 * item carrying no content: partners must take it down, and its text must not travel further.
 */
export function ninjsOf(stored: PublicArticle, site: PublicSite): NinjsDocument {
  const row = readableRow(stored);
  const notices = noticesOf(row);
  const common = {
    uri: articleUri(row.articleId),
    standard: STANDARD,
    type: 'text',
    firstcreated: row.firstPublishedAt,
  };
  if (row.status === 'withdrawn') {
    return {
      ...common,
      version: String(row.version),
      versioncreated: row.withdrawnAt ?? row.modifiedAt,
      pubstatus: 'canceled',
      ednote: 'This story has been withdrawn. Remove it from every platform.',
    };
  }
  const c = row.content;
  const body = correctionsHtml(notices) + bodyHtml(c.body, c.photos);
  return {
    ...common,
    representationtype: 'full',
    version: String(row.liveVersion),
    versioncreated: row.publishedAt,
    ...(c.embargoUntil ? { embargoed: c.embargoUntil } : {}),
    pubstatus: 'usable',
    language: c.language,
    copyrightholder: site.publisherName,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: c.headline }],
    ...(c.standfirst ? { descriptions: [{ role: 'summary', contenttype: 'text/plain', value: c.standfirst }] } : {}),
    bodies: [{ role: 'main', contenttype: 'text/html', value: body, ...counts(c.body) }],
    ...(c.dateline ? { located: c.dateline } : {}),
    ...(bylineOf(c.contributors) ? { by: bylineOf(c.contributors) } : {}),
    ...(c.contributors.length
      ? {
          people: c.contributors.map((p) => ({
            name: p.name,
            rel: contributorRoleUri(p.role),
            uri: contributorUri(p.contributorId),
            literal: p.role,
          })),
        }
      : {}),
    ...(c.sections.length || c.tags.length
      ? {
          subjects: [
            ...c.sections.map((s) => ({ name: s, rel: 'section', uri: sectionUri(sectionKeyOf(s)) })),
            ...c.tags.map((t) => ({ name: t, rel: 'tag', uri: tagUri(t) })),
          ],
        }
      : {}),
    ...(c.source ? { infosources: [{ name: c.source, role: 'source' }] } : {}),
    ...(notices.length
      ? {
          ednote: notices.map((k) => `${NOTICE_LABELS[k.kind]} (${k.issuedAt}): ${k.text}`).join('\n'),
        }
      : {}),
    ...(c.photos.length ? { associations: c.photos.map((p, i) => photoAssociation(p, i)) } : {}),
  };
}

function photoAssociation(p: Photo, i: number) {
  return {
    name: `photo${i + 1}`,
    uri: photoUri(p.photoId),
    type: 'picture',
    by: p.credit,
    copyrightholder: holderOf(p.credit),
    copyrightnotice: `© ${p.credit}`,
    ...(p.rights ? { usageterms: p.rights } : {}),
    descriptions: [
      { role: 'caption', contenttype: 'text/plain', value: p.caption },
      ...(p.altText ? [{ role: 'alternative-text', contenttype: 'text/plain', value: p.altText }] : []),
    ],
    renditions: [{ name: 'original', href: p.url }],
  };
}

/** `Sigrun Vik/North Agency via Wire Images` is held by `North Agency`; a plain credit holds its own. */
function holderOf(credit: string): string {
  const agency = credit.split('/').slice(1).join('/').split(' via ')[0]?.trim();
  return agency || credit;
}

function counts(body: PublicArticle['content']['body']) {
  const text = body.map((b) => ('text' in b ? b.text : '')).join(' ');
  const words = text.split(/\s+/).filter(Boolean).length;
  return { charcount: [...text].length, wordcount: words };
}
