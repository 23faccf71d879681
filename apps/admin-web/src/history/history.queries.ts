import type { ArticleDiff, ArticleHistory, ArticleVerification, ArticleView } from '@newsroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';
import type { MomentSearch } from './history.search';

/** Who changed what and when; the projector may not have written a new article's first entry yet. */
export function useHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.articleHistory(id),
    queryFn: async ({ signal }) => (await http<ArticleHistory>(`/api/articles/${id}/history`, { signal })).data.items,
    // A 404 here can mean "not projected yet": ask again a few times before saying so.
    retry: (count, err) => count < 3 && (!(err instanceof ApiError) || err.status === 404),
  });
}

/** The article exactly as it was at a version or an instant, replayed from the event store. */
export function useArticleAt(id: string, point: MomentSearch) {
  return useQuery({
    queryKey: queryKeys.articleAt(id, point),
    enabled: point.version !== undefined || point.asOf !== undefined,
    queryFn: async ({ signal }) => {
      const path =
        point.version !== undefined
          ? `/api/articles/${id}/versions/${point.version}`
          : `/api/articles/${id}${queryString({ asOf: point.asOf })}`;
      return (await http<ArticleView>(path, { signal })).data;
    },
    // A past version never changes.
    staleTime: Infinity,
  });
}

export function useArticleDiff(id: string, from: number, to: number) {
  return useQuery({
    queryKey: queryKeys.articleDiff(id, from, to),
    queryFn: async ({ signal }) =>
      (await http<ArticleDiff>(`/api/articles/${id}/diff${queryString({ from, to })}`, { signal })).data,
    staleTime: Infinity,
  });
}

/** Runs only when asked: the check reads the article's whole stream. */
export function useVerification(id: string, run: boolean) {
  return useQuery({
    queryKey: queryKeys.articleVerification(id),
    enabled: run,
    queryFn: async ({ signal }) => (await http<ArticleVerification>(`/api/articles/${id}/verify`, { signal })).data,
    staleTime: 0,
  });
}
