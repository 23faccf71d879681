import {
  REDACTED_LABEL_PATTERN,
  type BodyBlockView,
  type FieldChange,
  type HistoryEntry,
  type PhotoView,
  type TextDiffPart,
} from '@newsroom/contracts';
import { diffWordsWithSpace } from 'diff';

/** A photo's caption by id; undefined when the page does not know that photo (the audit log has no article). */
export type CaptionOf = (photoId: string) => string | undefined;

const BLOCK_TYPES = new Set(['paragraph', 'subheading', 'quote', 'photo']);

/** A field value that is a body: a list of blocks. */
export function isBody(v: unknown): v is BodyBlockView[] {
  return (
    Array.isArray(v) &&
    v.every((b) => typeof b === 'object' && b !== null && BLOCK_TYPES.has((b as { type?: string }).type ?? ''))
  );
}

/** One block as an editor would read it aloud. */
export function blockText(block: BodyBlockView, captionOf: CaptionOf): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'subheading':
      return `Subheading: ${block.text}`;
    case 'quote':
      return block.attribution ? `“${block.text}” — ${block.attribution}` : `“${block.text}”`;
    case 'photo': {
      if (!block.photoId) return 'Photo: (none chosen)';
      const caption = captionOf(block.photoId);
      return caption === undefined ? 'Photo: (caption not known here)' : `Photo: ${caption || '(no caption)'}`;
    }
  }
}

/** The body as readable text, a blank line between blocks. */
export function bodyText(blocks: readonly BodyBlockView[], captionOf: CaptionOf): string {
  return blocks.map((b) => blockText(b, captionOf)).join('\n\n');
}

/** What changed between two bodies, word by word, in the readable text above. */
export function bodyWordDiff(
  before: readonly BodyBlockView[],
  after: readonly BodyBlockView[],
  captionOf: CaptionOf,
): TextDiffPart[] {
  // A redacted value's label goes in as one word (a placeholder), so it is deleted or kept whole.
  const labels: string[] = [];
  const hide = (text: string) => text.replace(LABEL, (label) => `${PLACEHOLDER}${labels.push(label) - 1}x`);
  const show = (text: string) => text.replace(PLACEHOLDERS, (_, i: string) => labels[Number(i)]!);
  return diffWordsWithSpace(hide(bodyText(before, captionOf)), hide(bodyText(after, captionOf))).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: show(c.value),
  }));
}

const LABEL = new RegExp(REDACTED_LABEL_PATTERN, 'gu');
const PLACEHOLDER = 'newsroomRedactedLabel';
const PLACEHOLDERS = new RegExp(`${PLACEHOLDER}(\\d+)x`, 'g');

/**
 * Every caption an article's history shows (attached, updated) and its current photos, newest last
 * so the latest wording wins: a body change names its photos by id only.
 */
export function captionsOf(entries: readonly HistoryEntry[], photos: readonly PhotoView[] = []): CaptionOf {
  const captions = new Map<string, string>();
  const note = (v: unknown) => {
    const photo = v as Partial<PhotoView> | null;
    if (photo && typeof photo.photoId === 'string' && typeof photo.caption === 'string')
      captions.set(photo.photoId, photo.caption);
  };
  const noteChange = (c: FieldChange) => {
    const edited = /^photos\[(.+)\]\.caption$/.exec(c.field);
    if (edited && typeof c.after === 'string') captions.set(edited[1], c.after);
    else if (c.field.startsWith('photos')) [c.before, c.after].flat().forEach(note);
  };
  entries.forEach((e) => e.changes.forEach(noteChange));
  photos.forEach(note);
  return (id) => captions.get(id);
}

export const noCaptions: CaptionOf = () => undefined;
