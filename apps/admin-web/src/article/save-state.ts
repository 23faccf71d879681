import type { ArticleView } from '@newsroom/contracts';
import { formatMoment } from '../components/format';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'conflict'; by: string; version: number }
  | { kind: 'failed'; message: string };

/**
 * The line under the title: "Saved · version 12 · 14:03". A reader who may not write (an auditor)
 * saved nothing: they read "Version 12 · last changed 14:03 by Ada Admin".
 */
export function describeSaveState(state: SaveState, article: ArticleView, readOnly = false): string {
  if (readOnly)
    return `Version ${article.version} · last changed ${formatMoment(article.updatedAt)} by ${article.updatedBy.name}`;
  switch (state.kind) {
    case 'saved':
      return `Saved · version ${article.version} · ${formatMoment(article.updatedAt)}`;
    case 'unsaved':
      return `Unsaved changes · editing version ${article.version}`;
    case 'saving':
      return 'Saving…';
    case 'conflict':
      return `Not saved: ${state.by} saved version ${state.version} meanwhile; your text is kept`;
    case 'failed':
      return `Not saved: ${state.message}`;
  }
}
