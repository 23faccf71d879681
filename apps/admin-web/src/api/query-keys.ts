import type { ArticleListFilter, ArticleListQuery, AuditFilter } from '@newsroom/contracts';

/** The one key factory: a mutation invalidates by these prefixes, and so will live events. */
export const queryKeys = {
  articles: ['articles'] as const,
  articleLists: () => [...queryKeys.articles, 'list'] as const,
  articleList: (filter: ArticleListQuery) => [...queryKeys.articleLists(), filter] as const,
  /** Under `articleLists()`, so whatever refreshes the lists refreshes the board's counts too. */
  articleCounts: (filter: ArticleListFilter) => [...queryKeys.articleLists(), 'counts', filter] as const,
  article: (id: string) => [...queryKeys.articles, 'one', id] as const,
  // Under the article's key, so whatever refreshes an article refreshes its history too.
  articleHistory: (id: string) => [...queryKeys.article(id), 'history'] as const,
  articleAt: (id: string, point: { version?: number; asOf?: string }) =>
    [...queryKeys.article(id), 'at', point] as const,
  articleDiff: (id: string, from: number, to: number) => [...queryKeys.article(id), 'diff', from, to] as const,
  /** Under the article's key too: a redaction refreshes the article, and the article its orders. */
  articleRedactions: (id: string) => [...queryKeys.article(id), 'redactions'] as const,
  articleVerification: (id: string) => [...queryKeys.article(id), 'verify'] as const,
  readModels: ['admin', 'read-models'] as const,
  deadLetters: ['admin', 'dead-letters'] as const,
  audit: ['audit'] as const,
  /** Every view of contributions: the stream's `contributions` event refreshes them all. */
  contributions: ['contributions'] as const,
  auditLog: (filter: AuditFilter) => [...queryKeys.audit, filter] as const,
};
