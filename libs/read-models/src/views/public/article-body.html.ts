import type { BodyBlock, Contributor, Photo } from '@newsroom/editorial-domain';
import { escapeHtml as e } from './html-escape';
import type { PublicNotice } from '../../projections/public-article.projection';

// Built once: a formatter costs far more to make than to use.
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

/** A date as readers see it: `1 December 2026, 18:30 UTC`. */
export function readableDate(iso: string): string {
  const d = new Date(iso);
  return `${DATE.format(d)}, ${TIME.format(d)} UTC`;
}

export const timeHtml = (iso: string) => `<time datetime="${e(iso)}">${e(readableDate(iso))}</time>`;

/** The body blocks as HTML, photos with their caption, credit and alt text. */
export function bodyHtml(body: readonly BodyBlock[], photos: readonly Photo[]): string {
  const byId = new Map(photos.map((p) => [p.photoId, p]));
  return body
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${e(block.text)}</p>`;
        case 'subheading':
          return `<h2>${e(block.text)}</h2>`;
        case 'quote': {
          const by = block.attribution ? `<footer>${e(block.attribution)}</footer>` : '';
          return `<blockquote><p>${e(block.text)}</p>${by}</blockquote>`;
        }
        case 'photo': {
          const photo = byId.get(block.photoId);
          return photo ? figureHtml(photo) : '';
        }
      }
    })
    .join('\n');
}

export function figureHtml(p: Photo): string {
  return (
    `<figure><img src="${e(p.url)}" alt="${e(p.altText ?? '')}" loading="lazy">` +
    `<figcaption>${e(p.caption)} <small>${e(p.credit)}</small></figcaption></figure>`
  );
}

export const NOTICE_LABELS: Record<PublicNotice['kind'], string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  'editors-note': 'Editor’s note',
};

/** The visible note of corrections, clarifications and editor's notes, each with its date; empty without any. */
export function correctionsHtml(corrections: readonly PublicNotice[]): string {
  if (corrections.length === 0) return '';
  const items = corrections
    .map((c) => {
      const kind = NOTICE_LABELS[c.kind];
      return `<li><strong>${kind}</strong> ${timeHtml(c.issuedAt)}: ${e(c.text)}</li>`;
    })
    .join('');
  return `<aside class="corrections" aria-label="Corrections"><h2>Corrections</h2><ul>${items}</ul></aside>`;
}

export const authorsOf = (contributors: readonly Contributor[]) => contributors.filter((c) => c.role === 'author');
export const reportersOf = (contributors: readonly Contributor[]) =>
  contributors.filter((c) => c.role === 'contributor');
export const othersOf = (contributors: readonly Contributor[]) =>
  contributors.filter((c) => c.role !== 'author' && c.role !== 'contributor');

/** `A`, `A and B`, `A, B and C`. */
export function namesList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The byline as ninjs `by` and the page print it: `By Maren Holt`; empty without an author. */
export function bylineOf(contributors: readonly Contributor[]): string {
  const names = authorsOf(contributors).map((c) => c.name);
  return names.length ? `By ${namesList(names)}` : '';
}

/** `Tomas Berg and Ingrid Sol contributed to this report.`; empty without such credits. */
export function contributedLineOf(contributors: readonly Contributor[]): string {
  const names = reportersOf(contributors).map((c) => c.name);
  return names.length ? `${namesList(names)} contributed to this report.` : '';
}
