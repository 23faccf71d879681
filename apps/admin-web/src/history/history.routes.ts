import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { parseCompareSearch, parseMomentSearch } from './history.search';

/** An article's history and its read-only past versions, under the signed-in layout. */
export function historyRoutes<P extends AnyRoute>(signedIn: P) {
  const history = createRoute({
    getParentRoute: () => signedIn,
    path: '/articles/$id/history',
    validateSearch: parseCompareSearch,
    component: lazyRouteComponent(() => import('./history.page'), 'HistoryPage'),
  });
  const versions = createRoute({
    getParentRoute: () => signedIn,
    path: '/articles/$id/versions',
    validateSearch: parseMomentSearch,
    component: lazyRouteComponent(() => import('./version.page'), 'VersionPage'),
  });
  return [history, versions] as const;
}
