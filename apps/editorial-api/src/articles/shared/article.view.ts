import type { ArticleRow } from '@newsroom/read-models';

/** What every article read returns, current or historical: the read-model row without its bookkeeping. */
export type ArticleView = Omit<ArticleRow, 'lastPosition'>;

export function viewOf(row: ArticleRow): ArticleView {
  const { lastPosition: _, ...view } = row;
  return view;
}
