import type { ArticleListQuery } from '@newsroom/contracts';

/** The one key factory: a mutation invalidates by these prefixes, and so will live events. */
export const queryKeys = {
  articles: ['articles'] as const,
  articleLists: () => [...queryKeys.articles, 'list'] as const,
  articleList: (filter: ArticleListQuery) => [...queryKeys.articleLists(), filter] as const,
  article: (id: string) => [...queryKeys.articles, 'one', id] as const,
};
