import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { HistoryPage } from './history.page';
import { parseCompareSearch, parseMomentSearch } from './history.search';
import { VersionPage } from './version.page';

/** An article's history and its read-only past versions, under the signed-in layout. */
export function historyRoutes<P extends AnyRoute>(signedIn: P) {
  const history = createRoute({
    getParentRoute: () => signedIn,
    path: '/articles/$id/history',
    validateSearch: parseCompareSearch,
    component: HistoryPage,
  });
  const versions = createRoute({
    getParentRoute: () => signedIn,
    path: '/articles/$id/versions',
    validateSearch: parseMomentSearch,
    component: VersionPage,
  });
  return [history, versions] as const;
}
