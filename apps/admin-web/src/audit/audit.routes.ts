import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { parseAuditArticleSearch, parseAuditSearch } from './audit.search';

/** The auditors' screens, under the signed-in layout: the log, and one article's audit. */
export function auditRoutes<P extends AnyRoute>(signedIn: P) {
  const log = createRoute({
    getParentRoute: () => signedIn,
    path: '/audit',
    validateSearch: parseAuditSearch,
    component: lazyRouteComponent(() => import('./audit-log.page'), 'AuditLogPage'),
  });
  const article = createRoute({
    getParentRoute: () => signedIn,
    path: '/audit/articles/$id',
    validateSearch: parseAuditArticleSearch,
    component: lazyRouteComponent(() => import('./audit-article.page'), 'AuditArticlePage'),
  });
  return [log, article] as const;
}
