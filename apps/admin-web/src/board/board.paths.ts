import { ARTICLE_STATUSES, PAGE_LIMITS, type ArticleStatus } from '@newsroom/contracts';
import { queryString } from '../api/http';
import type { BoardSearch } from './board.search';

/** A column's filter: its status under the URL's filters, a first page of the default size. */
export const columnFilter = (status: ArticleStatus, search: BoardSearch) => ({
  status,
  ...search,
  limit: PAGE_LIMITS.articles.default,
});

export const columnPath = (status: ArticleStatus, search: BoardSearch, cursor?: string) =>
  `/api/articles${queryString({ ...columnFilter(status, search), cursor })}`;

export const countsPath = (search: BoardSearch) => `/api/articles/counts${queryString({ ...search })}`;

/** What the board asks for as it opens: every column's first page and the counts. */
export const boardPaths = (search: BoardSearch) => [
  ...ARTICLE_STATUSES.map((s) => columnPath(s, search)),
  countsPath(search),
];
