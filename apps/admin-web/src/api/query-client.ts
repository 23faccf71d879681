import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './http';

/** The tab's one cache of server state: the pages read it, and the routes' loaders start filling it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (403, 404) will not change by asking again; a network failure might.
      retry: (count, err) => !(err instanceof ApiError) && count < 2,
      refetchOnWindowFocus: false,
      // What a route's loader (or the first script, see early-requests.ts) has just fetched is not
      // fetched again when the page mounts a moment later: the workspace's chunk arrives after its
      // article, and opening an article asked for it twice. Changes invalidate queries, which
      // refetch whatever their age.
      staleTime: 2_000,
    },
  },
});
