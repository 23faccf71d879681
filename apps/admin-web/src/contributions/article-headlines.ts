import type { ArticleView } from '@newsroom/contracts';
import { useQueries } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { fetchArticle } from '../article/article.queries';

/** Headlines of the articles a list of contributions names, each fetched once and shared with the workspace's cache. */
export function useHeadlines(articleIds: readonly string[]): Map<string, string> {
  const unique = [...new Set(articleIds)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: queryKeys.article(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchArticle(id, undefined, signal),
      staleTime: 60_000,
    })),
  });
  const out = new Map<string, string>();
  results.forEach((r, i) => {
    const a = r.data as ArticleView | undefined;
    if (a) out.set(unique[i], a.working.headline || 'Untitled');
  });
  return out;
}
