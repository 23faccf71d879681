import type { ArticleCounts, ArticleListItem, ArticleStatus, Page } from '@newsroom/contracts';
import { PAGE_LIMITS } from '@newsroom/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';
import type { BoardSearch } from './board.search';

/** One column: a status's articles under the URL's filters, a page at a time (never everything). */
export function useBoardColumn(status: ArticleStatus, search: BoardSearch) {
  const filter = { status, ...search, limit: PAGE_LIMITS.articles.default };
  return useInfiniteQuery({
    queryKey: queryKeys.articleList(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (await http<Page<ArticleListItem>>(`/api/articles${queryString({ ...filter, cursor: pageParam })}`, { signal }))
        .data,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every status's total under the URL's filters, from the server: a count never depends on what is loaded. */
export function useBoardCounts(search: BoardSearch) {
  return useQuery({
    queryKey: queryKeys.articleCounts(search),
    queryFn: async ({ signal }) =>
      (await http<ArticleCounts>(`/api/articles/counts${queryString({ ...search })}`, { signal })).data,
  });
}
