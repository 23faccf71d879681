import { defaultParseSearch } from '@tanstack/react-router';
import { askEarly } from './api/early-requests';
import { readStoredSession } from './auth/stored-session';
import { boardPaths } from './board/board.paths';
import { parseBoardSearch } from './board/board.search';

/*
 * The first script the page runs (vite.config.mts puts it before the app's): a small one that asks
 * for the data of the page being opened, so the API answers while the app's script is downloaded,
 * parsed and evaluated instead of after. The router's loaders ask for the same paths; http() takes
 * these answers. Only the pages opened most often: the board (where everyone lands) and an article.
 */
const session = readStoredSession();
if (session) {
  const { pathname, search } = window.location;
  // As router.tsx: '/' redirects to the board; search parsed as the router parses it.
  const paths =
    pathname === '/' || pathname === '/board'
      ? boardPaths(parseBoardSearch(pathname === '/' ? {} : defaultParseSearch(search)))
      : articlePaths(pathname);
  for (const path of paths) askEarly(path, session.accessToken);
  // The workspace is a chunk of its own, which the router would ask for only once the app's script
  // has run: asked for now, it loads beside that script. The module the route imports, so one copy.
  if (paths.length > 0 && pathname !== '/' && pathname !== '/board')
    void import('./article/article.page').catch(() => undefined);
}

function articlePaths(pathname: string): string[] {
  const id = /^\/articles\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (!id) return [];
  try {
    // The path fetchArticle builds from the router's (decoded) parameter.
    return [`/api/articles/${decodeURIComponent(id)}`];
  } catch {
    return [];
  }
}
