import type { ArticleView } from '@newsroom/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';

/** The article as the read model has it; after a write, at least the version the write answered. */
export async function fetchArticle(id: string, minVersion?: number, signal?: AbortSignal) {
  return (await http<ArticleView>(`/api/articles/${id}${queryString({ minVersion })}`, { signal })).data;
}

const articleQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.article(id), queryFn: ({ signal }) => fetchArticle(id, undefined, signal) });

export const useArticle = (id: string) => useQuery(articleQuery(id));

/** Asks for the article while the workspace's script is still on its way (see the route). */
export function prefetchArticle(queries: QueryClient, id: string): void {
  void queries.prefetchQuery(articleQuery(id));
}
