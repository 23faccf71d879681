import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { adminRoutes } from './admin/admin.routes';
import { ArticlePage } from './article/article.page';
import { sessionStore, type SignedOutReason } from './auth/session';
import { auditRoutes } from './audit/audit.routes';
import { SignInPage } from './auth/sign-in.page';
import { BoardPage } from './board/board.page';
import { contributionRoutes } from './contributions/contributions.routes';
import { parseBoardSearch } from './board/board.search';
import { Shell } from './components/app-shell';
import { LiveUpdatesProvider } from './live/live-updates';
import { historyRoutes } from './history/history.routes';

const root = createRootRoute({ component: Outlet });

const signIn = createRoute({
  getParentRoute: () => root,
  path: '/sign-in',
  validateSearch: (s: Record<string, unknown>): { reason?: SignedOutReason } =>
    s.reason === 'expired' || s.reason === 'signed-out' ? { reason: s.reason } : {},
  component: SignInPage,
});

/** Everything behind sign-in; without a session, the sign-in page. */
const signedIn = createRoute({
  getParentRoute: () => root,
  id: 'signed-in',
  beforeLoad: () => {
    if (!sessionStore.get()) throw redirect({ to: '/sign-in' });
  },
  // One live stream per signed-in tab, shared by every page behind sign-in.
  component: () => (
    <LiveUpdatesProvider>
      <Shell />
    </LiveUpdatesProvider>
  ),
});

const home = createRoute({
  getParentRoute: () => signedIn,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/board' });
  },
});

const board = createRoute({
  getParentRoute: () => signedIn,
  path: '/board',
  validateSearch: parseBoardSearch,
  component: BoardPage,
});

const article = createRoute({
  getParentRoute: () => signedIn,
  path: '/articles/$id',
  component: ArticlePage,
});

const routeTree = root.addChildren([
  signIn,
  signedIn.addChildren([
    home,
    board,
    article,
    ...historyRoutes(signedIn),
    ...auditRoutes(signedIn),
    ...contributionRoutes(signedIn),
    ...adminRoutes(signedIn),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
