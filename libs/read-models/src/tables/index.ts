/**
 * The read models' tables, one query module each: the projector writes through them and the API
 * reads through them; nobody else writes SQL against these tables.
 */
export { findArticleRow, articleVersions, latestChanges, ARTICLE_VERSIONS_CHANNEL } from './article-state.table';
export { listArticles, countArticles, articleListKeyOf, type ArticleListKey } from './article-list.table';
export { articleHistory, auditLogPage, auditKeyOf, type AuditKey } from './audit-trail.table';
export {
  checkPublicArticle,
  findPublicArticle,
  findPublicArticleBySlug,
  publicFeedPage,
  publicFeedStamp,
  type FeedEntry,
  type FeedStamp,
  type FeedQuery,
  type HeldVersion,
  type PublicArticleCheck,
  type PublicArticleKey,
} from './public-articles.table';
export { openDeadLetters } from './dead-letters.table';
export {
  listContributions,
  projectedContributionVersion,
  openContributionsOf,
  type ContributionListFilter,
} from './contribution-list.table';
export { CONTRIBUTION_VERSIONS_CHANNEL } from './contribution-rows.table';
export { ledgerPage, ledgerKeyOf, type LedgerCredit, type LedgerKey } from './contributor-ledger.table';
export { projectionStatuses, type ProjectionStatusView, type RebuildStatus } from './projection-status.table';
