import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { ContributePage } from './contribute.page';
import { MyContributionsPage } from './my-contributions.page';

/** The reporters' pages: their stories and contributions, and contributing to an article. */
export function contributionRoutes<P extends AnyRoute>(signedIn: P) {
  const mine = createRoute({
    getParentRoute: () => signedIn,
    path: '/contributions',
    component: MyContributionsPage,
  });
  const contribute = createRoute({
    getParentRoute: () => signedIn,
    path: '/articles/$id/contribute',
    component: ContributePage,
  });
  return [mine, contribute] as const;
}
