import type { ArticleListItem, Page } from '@newsroom/contracts';

/**
 * What to do about a change the board was told of, once its lists were fetched again. The stream
 * speaks when the article read model commits; the list read model is another projector and may
 * commit a moment later, so a refetch can still show the older version.
 * - `done`: a list shows the article at the change's version or later;
 * - `behind`: a list shows it at an older version: the list model is behind, fetch again;
 * - `absent`: no loaded list shows it (filtered out, not loaded, or not listed yet).
 */
export type CatchUp = 'done' | 'behind' | 'absent';

export function catchUpOf(lists: readonly unknown[], articleId: string, version: number): CatchUp {
  let shown: number | undefined;
  for (const data of lists) {
    for (const page of pagesOf(data)) {
      for (const item of page.items) {
        if (item.id === articleId) shown = Math.max(shown ?? 0, item.version);
      }
    }
  }
  if (shown === undefined) return 'absent';
  return shown >= version ? 'done' : 'behind';
}

function pagesOf(data: unknown): Page<ArticleListItem>[] {
  const pages = (data as { pages?: unknown } | undefined)?.pages;
  return Array.isArray(pages) ? (pages as Page<ArticleListItem>[]) : [];
}
