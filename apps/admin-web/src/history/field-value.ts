import { bodyText, isBody, noCaptions, type CaptionOf } from './body-text';

type Record = { [key: string]: unknown };
const isRecord = (v: unknown): v is Record => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A photo as a line: "Caption — Credit (url)". */
function photoLine(p: Record): string {
  const words = [text(p.caption) || '(no caption)', text(p.credit)].filter(Boolean).join(' — ');
  return p.url ? `${words} (${text(p.url)})` : words;
}

/** A contributor as a line: "Name, role, affiliation". */
function contributorLine(c: Record): string {
  return [text(c.name), text(c.role), text(c.affiliation)].filter(Boolean).join(', ');
}

/**
 * A field's value as text a person reads: lists joined, nothing said as "(none)", a body as its
 * blocks' text, photos and contributors one a line; only what is none of these as JSON.
 */
export function describeValue(v: unknown, captionOf: CaptionOf = noCaptions): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length === 0) return '(none)';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  if (isBody(v)) return bodyText(v, captionOf);
  const items = Array.isArray(v) ? v : [v];
  if (items.every((x) => isRecord(x) && typeof x.photoId === 'string')) return items.map(photoLine).join('\n');
  if (items.every((x) => isRecord(x) && typeof x.contributorId === 'string'))
    return items.map(contributorLine).join('\n');
  return JSON.stringify(v, null, 2);
}

/** "standfirst" → "Standfirst", "embargoUntil" → "Embargo until". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
