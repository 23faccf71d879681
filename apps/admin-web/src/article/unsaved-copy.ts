import type { FieldsDraft } from './fields-draft';

/** What was typed and not saved, kept in this browser so a reload or an ended session loses nothing. */
export interface UnsavedCopy {
  baseVersion: number;
  base: FieldsDraft;
  draft: FieldsDraft;
  savedAt: string;
}

const key = (articleId: string) => `newsroom.unsaved.${articleId}`;

export const unsavedCopies = {
  read(articleId: string): UnsavedCopy | null {
    try {
      const raw = localStorage.getItem(key(articleId));
      return raw ? (JSON.parse(raw) as UnsavedCopy) : null;
    } catch {
      return null;
    }
  },
  write(articleId: string, copy: UnsavedCopy) {
    localStorage.setItem(key(articleId), JSON.stringify(copy));
  },
  clear(articleId: string) {
    localStorage.removeItem(key(articleId));
  },
};
