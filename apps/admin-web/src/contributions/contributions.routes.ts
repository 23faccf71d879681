import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

/** The reporters' pages: their stories and contributions, and contributing to an article. */
export function contributionRoutes<P extends AnyRoute>(signedIn: P) {
  const mine = createRoute({
    getParentRoute: () => signedIn,
    path: '/contributions',
    component: lazyRouteComponent(() => import('./my-contributions.page'), 'MyContributionsPage'),
  });
  const contribute = createRoute({
    getParentRoute: () => signedIn,
    path: '/articles/$id/contribute',
    component: lazyRouteComponent(() => import('./contribute.page'), 'ContributePage'),
  });
  return [mine, contribute] as const;
}
