import type { ArticleListFilter, ArticleListQuery } from '@newsroom/contracts';

/** The one key factory: a mutation invalidates by these prefixes, and so will live events. */
export const queryKeys = {
  articles: ['articles'] as const,
  articleLists: () => [...queryKeys.articles, 'list'] as const,
  articleList: (filter: ArticleListQuery) => [...queryKeys.articleLists(), filter] as const,
  /** Under `articleLists()`, so whatever refreshes the lists refreshes the board's counts too. */
  articleCounts: (filter: ArticleListFilter) => [...queryKeys.articleLists(), 'counts', filter] as const,
  article: (id: string) => [...queryKeys.articles, 'one', id] as const,
};
