import type { ArticleView } from '@newsroom/contracts';
import { formatMoment } from '../components/format';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'conflict'; by: string; version: number }
  | { kind: 'failed'; message: string };

/** The line under the title: "Saved · version 12 · 14:03". */
export function describeSaveState(state: SaveState, article: ArticleView): string {
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
