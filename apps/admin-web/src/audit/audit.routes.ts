import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { AuditArticlePage } from './audit-article.page';
import { AuditLogPage } from './audit-log.page';
import { parseAuditArticleSearch, parseAuditSearch } from './audit.search';

/** The auditors' screens, under the signed-in layout: the log, and one article's audit. */
export function auditRoutes<P extends AnyRoute>(signedIn: P) {
  const log = createRoute({
    getParentRoute: () => signedIn,
    path: '/audit',
    validateSearch: parseAuditSearch,
    component: AuditLogPage,
  });
  const article = createRoute({
    getParentRoute: () => signedIn,
    path: '/audit/articles/$id',
    validateSearch: parseAuditArticleSearch,
    component: AuditArticlePage,
  });
  return [log, article] as const;
}
