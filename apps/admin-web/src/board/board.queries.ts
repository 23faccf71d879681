import type { ArticleCounts, ArticleListItem, ArticleStatus, Page } from '@newsroom/contracts';
import { ARTICLE_STATUSES } from '@newsroom/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { http } from '../api/http';
import { queryKeys } from '../api/query-keys';
import { columnFilter, columnPath, countsPath } from './board.paths';
import type { BoardSearch } from './board.search';

/** One column: a status's articles under the URL's filters, a page at a time (never everything). */
function columnQuery(status: ArticleStatus, search: BoardSearch) {
  return infiniteQueryOptions({
    queryKey: queryKeys.articleList(columnFilter(status, search)),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      (await http<Page<ArticleListItem>>(columnPath(status, search, pageParam), { signal })).data,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every status's total under the URL's filters, from the server: a count never depends on what is loaded. */
function countsQuery(search: BoardSearch) {
  return queryOptions({
    queryKey: queryKeys.articleCounts(search),
    queryFn: async ({ signal }) => (await http<ArticleCounts>(countsPath(search), { signal })).data,
  });
}

export const useBoardColumn = (status: ArticleStatus, search: BoardSearch) =>
  useInfiniteQuery(columnQuery(status, search));

export const useBoardCounts = (search: BoardSearch) => useQuery(countsQuery(search));

/**
 * Asks for the board's first pages and counts as soon as the route matches, not after the page
 * has rendered around them; the columns' queries then pick up the requests under way.
 */
export function prefetchBoard(queries: QueryClient, search: BoardSearch): void {
  for (const status of ARTICLE_STATUSES) void queries.prefetchInfiniteQuery(columnQuery(status, search));
  void queries.prefetchQuery(countsQuery(search));
}
