import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { adminRoutes } from './admin/admin.routes';
import { queryClient } from './api/query-client';
import { prefetchArticle } from './article/article.queries';
import { sessionStore, type SignedOutReason } from './auth/session';
import { auditRoutes } from './audit/audit.routes';
import { SignInPage } from './auth/sign-in.page';
import { BoardPage } from './board/board.page';
import { contributionRoutes } from './contributions/contributions.routes';
import { prefetchBoard } from './board/board.queries';
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

// The board, where everyone lands, is in the first script; every other page is a chunk of its own,
// fetched when first opened, so the board does not wait for the parsing of code it never runs.
const board = createRoute({
  getParentRoute: () => signedIn,
  path: '/board',
  validateSearch: parseBoardSearch,
  // Started, not awaited: the page renders at once and its queries join the requests under way.
  loaderDeps: ({ search }) => search,
  loader: ({ deps }) => prefetchBoard(queryClient, deps),
  component: BoardPage,
});

const article = createRoute({
  getParentRoute: () => signedIn,
  path: '/articles/$id',
  loader: ({ params }) => prefetchArticle(queryClient, params.id),
  component: lazyRouteComponent(() => import('./article/article.page'), 'ArticlePage'),
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
