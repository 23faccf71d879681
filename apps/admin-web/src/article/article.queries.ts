import type { ArticleView } from '@newsroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';

/** The article as the read model has it; after a write, at least the version the write answered. */
export async function fetchArticle(id: string, minVersion?: number, signal?: AbortSignal) {
  return (await http<ArticleView>(`/api/articles/${id}${queryString({ minVersion })}`, { signal })).data;
}

export function useArticle(id: string) {
  return useQuery({ queryKey: queryKeys.article(id), queryFn: ({ signal }) => fetchArticle(id, undefined, signal) });
}
