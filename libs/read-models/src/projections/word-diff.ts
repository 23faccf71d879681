import { diffArrays } from 'diff';
import { assertNever, jsonEqual } from '@newsroom/editorial-domain';
import { DRAFT_FIELD_KEYS, type ArticleContent, type BodyBlock } from '@newsroom/editorial-domain';
import { REDACTED_LABEL_PATTERN } from '@newsroom/contracts';
import { textOf } from './redacted-text';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Past this many inserted plus deleted tokens the diff stops looking for a minimal edit and reports
 * the differing middle as deleted then inserted: still correct, only coarse, and bounded in time.
 * Measured on two unrelated 6,000-word texts: jsdiff gives up after 150 to 300 ms (idle to loaded
 * machine). The typed-array Myers it replaced reached about 2,200 edits in that time; jsdiff's
 * general path objects cost more per edit, and 1,000 tokens (about 500 changed words) is more than
 * one save of an article usually changes.
 */
export const WORD_DIFF_MAX_EDITS = 1_000;

/**
 * Word-level diff of two texts (jsdiff's Myers diff over tokens). Whitespace runs are tokens of
 * their own, so the `equal` and `delete` parts joined give `before` back exactly, and the `equal`
 * and `insert` parts give `after`. Adjacent parts never share an op; a deletion precedes the
 * insertion that replaces it.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Edits are usually local: the shared head and tail cost nothing, and a too-large middle falls
  // back to delete-all-insert-all of the middle only.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let endA = a.length;
  let endB = b.length;
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [
    { op: 'equal', text: a.slice(0, head).join('') },
    ...middle(a.slice(head, endA), b.slice(head, endB)),
    { op: 'equal', text: a.slice(endA).join('') },
  ];
  return merged(withoutLoneWhitespace(parts.filter((part) => part.text !== '')));
}

/**
 * Whitespace runs; words in any script, with inner apostrophes and number separators (`didn't`,
 * `1,200.50`); each Chinese or Japanese character (those scripts put no spaces between words); any other single
 * character (punctuation). jsdiff's own diffWordsWithSpace counts only Latin letters as word
 * characters and splits Cyrillic or Greek words letter by letter ("снова" → "сн" "о" "ва"). First, a
 * redacted value's label ("Redacted 2026-12-02 · basis · reference") is one token.
 */
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.,][\p{L}\p{M}\p{N}_]+)*/u.source;
const TOKEN = new RegExp(
  `${REDACTED_LABEL_PATTERN}|\\s+|[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]|${WORD}|.`,
  'gsu',
);

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function middle(a: string[], b: string[]): DiffPart[] {
  const changes = diffArrays(a, b, { maxEditLength: WORD_DIFF_MAX_EDITS });
  if (!changes) {
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  }
  return changes.map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value.join(''),
  }));
}

// "quick brown" → "slow red" shares only the space; showing it as unchanged splits one change in two.
function withoutLoneWhitespace(parts: DiffPart[]): DiffPart[] {
  return parts.flatMap((part, i) => {
    const between = i > 0 && i < parts.length - 1 && parts[i - 1]!.op !== 'equal' && parts[i + 1]!.op !== 'equal';
    if (part.op !== 'equal' || !between || part.text.trim() !== '') return [part];
    return [
      { op: 'delete', text: part.text },
      { op: 'insert', text: part.text },
    ];
  });
}

function merged(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = inserted = '';
  };
  for (const part of parts) {
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += part.text;
      else out.push({ ...part });
    }
  }
  flush();
  return out;
}

/**
 * The body as plain text for diffing: blocks separated by a blank line, subheadings as `## text`,
 * quotes as `> text — attribution`, photo blocks as `[photo <id>]`.
 */
export function bodyText(body: readonly BodyBlock[]): string {
  return body.map(blockText).join('\n\n');
}

// Texts of redacted history are markers: shown as their order's label, never "[object Object]".
function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return textOf(block.text);
    case 'subheading':
      return `## ${textOf(block.text)}`;
    case 'quote':
      return block.attribution ? `> ${textOf(block.text)} — ${textOf(block.attribution)}` : `> ${textOf(block.text)}`;
    case 'photo':
      return `[photo ${block.photoId}]`;
    default:
      return assertNever(block, 'body block');
  }
}

export const ARTICLE_CONTENT_KEYS = [
  ...DRAFT_FIELD_KEYS,
  'contributors',
  'photos',
] as const satisfies readonly (keyof ArticleContent)[];

/** One field that differs; `before` is null when there was no article yet. */
export type ContentFieldChange = {
  [K in keyof ArticleContent]: { field: K; before: ArticleContent[K] | null; after: ArticleContent[K] };
}[keyof ArticleContent];

/**
 * Every content field whose value differs (deep, JSON equality), in a fixed field order. With no
 * `before` (the article did not exist yet) every field is reported.
 */
export function fieldChanges(before: ArticleContent | null, after: ArticleContent): ContentFieldChange[] {
  return ARTICLE_CONTENT_KEYS.flatMap((field) => {
    const was = before ? before[field] : null;
    if (before && jsonEqual(was, after[field])) return [];
    return [{ field, before: was, after: after[field] } as ContentFieldChange];
  });
}
