import { assertNever, jsonEqual } from '@newsroom/editorial-domain';
import { DRAFT_FIELD_KEYS, type ArticleContent, type BodyBlock } from '@newsroom/editorial-domain';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Above this many cells of edit-path bookkeeping the diff stops looking for a minimal edit and
 * reports the differing middle as deleted then inserted: still correct, only coarse, and bounded
 * in time and memory whatever the input.
 */
export const WORD_DIFF_MAX_CELLS = 5_000_000;

/**
 * Word-level diff of two texts (Myers' O(ND) algorithm over tokens). Whitespace runs are tokens of
 * their own, so the `equal` and `delete` parts joined give `before` back exactly, and the `equal`
 * and `insert` parts give `after`. Adjacent parts never share an op; a deletion precedes the
 * insertion that replaces it.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Edits are usually local: the shared head and tail cost nothing and leave a small middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let endA = a.length;
  let endB = b.length;
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [
    ...a.slice(0, head).map((text): DiffPart => ({ op: 'equal', text })),
    ...middle(a.slice(head, endA), b.slice(head, endB)),
    ...a.slice(endA).map((text): DiffPart => ({ op: 'equal', text })),
  ];
  return merged(withoutLoneWhitespace(parts));
}

function tokens(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

function middle(a: string[], b: string[]): DiffPart[] {
  const ids = new Map<string, number>();
  const intern = (list: string[]) =>
    Int32Array.from(list, (token) => {
      let id = ids.get(token);
      if (id === undefined) ids.set(token, (id = ids.size));
      return id;
    });
  const script = myers(intern(a), intern(b));
  if (!script) {
    return [
      ...a.map((text): DiffPart => ({ op: 'delete', text })),
      ...b.map((text): DiffPart => ({ op: 'insert', text })),
    ];
  }
  let x = 0;
  let y = 0;
  return script.map((op): DiffPart => {
    if (op === 'insert') return { op, text: b[y++]! };
    if (op === 'equal') y++;
    return { op, text: a[x++]! };
  });
}

/** The shortest edit script from `a` to `b`, or null when finding it would exceed WORD_DIFF_MAX_CELLS. */
function myers(a: Int32Array, b: Int32Array): DiffOp[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d][k + d] is the furthest x reached on diagonal k after d edits.
  const trace: Int32Array[] = [];
  let cells = 0;
  for (let d = 0; d <= max; d++) {
    cells += 2 * d + 1;
    if (cells > WORD_DIFF_MAX_CELLS) return null;
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return [];
}

function backtrack(trace: Int32Array[], n: number, m: number): DiffOp[] {
  const script: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const fromK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const fromX = at(fromK);
    const fromY = fromX - fromK;
    // The snake after the edit, walked backwards, then the edit itself.
    const snakeStartX = fromK === k + 1 ? fromX : fromX + 1;
    while (x > snakeStartX) {
      script.push('equal');
      x--;
      y--;
    }
    script.push(fromK === k + 1 ? 'insert' : 'delete');
    x = fromX;
    y = fromY;
  }
  while (x > 0) {
    script.push('equal');
    x--;
  }
  return script.reverse();
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

function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'subheading':
      return `## ${block.text}`;
    case 'quote':
      return block.attribution ? `> ${block.text} — ${block.attribution}` : `> ${block.text}`;
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
