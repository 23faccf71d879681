import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './http';

/** The tab's one cache of server state: the pages read it, and the routes' loaders start filling it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (403, 404) will not change by asking again; a network failure might.
      retry: (count, err) => !(err instanceof ApiError) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
