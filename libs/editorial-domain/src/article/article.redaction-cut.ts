import { withoutUndefined } from '../shared/json-equal';
import type { ArticleContent, BodyBlock, Contributor, Correction, Photo } from './article.content';

/** What a required field reads when the passage was all it held. */
export const REMOVED_TEXT = '[removed]';

/**
 * A field's text without the passage, every occurrence cut and what it leaves behind tidied (a
 * double space or comma, a space before punctuation, a comma opening a line, spaces at the ends).
 * A field without the passage is kept exactly as it was. A value that is not text (a field another
 * redaction already made unreadable) has nothing to cut.
 */
export function cutPassage<T>(text: T, passage: string): T {
  if (typeof text !== 'string' || passage === '' || !text.includes(passage)) return text;
  const cut = text
    .split(passage)
    .join(' ')
    .replace(/[^\S\n]{2,}/g, ' ')
    .replace(/[^\S\n]+([,.;:!?])/g, '$1')
    .replace(/([,;:])[,;:]+/g, '$1')
    .replace(/^[^\S\n]*[,;:][^\S\n]*/gm, '')
    .replace(/^[^\S\n]+|[^\S\n]+$/gm, '')
    .trim();
  return cut as T;
}

/** As cutPassage, for a field that may not be empty: one left empty reads REMOVED_TEXT. */
export function cutRequired<T>(text: T, passage: string): T {
  const cut = cutPassage(text, passage);
  return (cut !== text && typeof cut === 'string' && cut.trim() === '' ? REMOVED_TEXT : cut) as T;
}

/** Whether any text field of the content (the redactable ones) holds the passage. */
export function contentHolds(content: ArticleContent, passage: string): boolean {
  return redactContent(content, passage) !== content;
}

/** The content with the passage cut out of every free-text field; the same object when none held it. */
export function redactContent(content: ArticleContent, passage: string): ArticleContent {
  const next: ArticleContent = {
    ...content,
    headline: cutRequired(content.headline, passage),
    standfirst: cutPassage(content.standfirst, passage),
    body: content.body.map((b) => redactBlock(b, passage)),
    contributors: content.contributors.map((c) => redactContributor(c, passage)),
    photos: content.photos.map((p) => redactPhoto(p, passage)),
  };
  const changed =
    next.headline !== content.headline ||
    next.standfirst !== content.standfirst ||
    next.body.some((b, i) => b !== content.body[i]) ||
    next.contributors.some((c, i) => c !== content.contributors[i]) ||
    next.photos.some((p, i) => p !== content.photos[i]);
  return changed ? next : content;
}

export function redactCorrection(c: Correction, passage: string): Correction {
  const text = cutRequired(c.text, passage);
  return text === c.text ? c : { ...c, text };
}

function redactBlock(b: BodyBlock, passage: string): BodyBlock {
  if (b.type === 'photo') return b;
  const text = cutRequired(b.text, passage);
  const attribution = b.type === 'quote' ? cutPassage(b.attribution, passage) : undefined;
  if (text === b.text && (b.type !== 'quote' || attribution === b.attribution)) return b;
  return b.type === 'quote' ? withoutUndefined({ ...b, text, attribution }) : { ...b, text };
}

function redactContributor(c: Contributor, passage: string): Contributor {
  const name = cutRequired(c.name, passage);
  const affiliation = cutPassage(c.affiliation, passage);
  return name === c.name && affiliation === c.affiliation ? c : withoutUndefined({ ...c, name, affiliation });
}

function redactPhoto(p: Photo, passage: string): Photo {
  const next = {
    ...p,
    caption: cutRequired(p.caption, passage),
    credit: cutRequired(p.credit, passage),
    altText: cutPassage(p.altText, passage),
    rights: cutPassage(p.rights, passage),
  };
  const same = (['caption', 'credit', 'altText', 'rights'] as const).every((k) => next[k] === p[k]);
  return same ? p : withoutUndefined(next);
}
