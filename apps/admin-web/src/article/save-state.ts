import type { ArticleView } from '@newsroom/contracts';
import { formatMoment } from '../components/format';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'conflict'; latest: ArticleView; theirFields: string[] }
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
      return `Not saved: ${state.latest.updatedBy.name} saved version ${state.latest.version} meanwhile`;
    case 'failed':
      return `Not saved: ${state.message}`;
  }
}
