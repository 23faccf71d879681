import type { ArticleChange } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { queryKeys } from '../api/query-keys';
import { sessionStore } from '../auth/session';
import { catchUpOf } from './list-catch-up';
import { subscribeToArticles, type StreamStatus } from './subscribe-to-articles';

/** What the tab's one stream is doing: `offline` once it stopped for good (session over, token refused). */
export type LiveStatus = StreamStatus | 'offline';

interface LiveUpdates {
  status: LiveStatus;
  /** Hears every article change (and `null` after a reset: refetch all); returns the unsubscribe. */
  listen(listener: (change: ArticleChange | null) => void): () => void;
}

const LiveContext = createContext<LiveUpdates | null>(null);

// Lists are refreshed at most this often: a burst of changes (a desk publishing a batch) costs one
// refetch per visible query, well inside the 2 s in which a colleague's change must show.
const LIST_REFRESH_MS = 300;
// The list read model is another projector than the one whose commits the stream reports: when a
// refetch still shows the older version, look again after 0.5, 1, 2, 4 s.
const CATCH_UP_MS = 500;
const CATCH_UP_TRIES = 5;

/**
 * One `GET /api/stream` per signed-in tab, shared by every page below it. Article lists and the
 * board's counts are refreshed on each change; pages that show one article listen for themselves.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Set<(change: ArticleChange | null) => void>());
  const [value] = useState<Omit<LiveUpdates, 'status'>>(() => ({
    listen(listener) {
      listeners.current.add(listener);
      return () => void listeners.current.delete(listener);
    },
  }));

  useEffect(() => {
    const stop = new AbortController();
    let pending: ReturnType<typeof setTimeout> | undefined;
    // Changes the shown lists have not caught up with yet (see catchUpOf), and how often they were refetched.
    const waiting = new Map<string, { version: number; tries: number }>();
    const refreshLists = (delay = LIST_REFRESH_MS) => {
      pending ??= setTimeout(async () => {
        pending = undefined;
        await queries.invalidateQueries({ queryKey: queryKeys.articleLists() });
        const shown = queries
          .getQueryCache()
          .findAll({ queryKey: queryKeys.articleLists(), type: 'active' })
          .map((q) => q.state.data);
        let tries = 0;
        for (const [id, w] of waiting) {
          const state = catchUpOf(shown, id, w.version);
          w.tries++;
          // An absent card gets one more look: it may be a new article the list model has yet to commit.
          if (state === 'done' || (state === 'absent' && w.tries > 1) || w.tries >= CATCH_UP_TRIES) waiting.delete(id);
          else tries = Math.max(tries, w.tries);
        }
        if (tries > 0 && !stop.signal.aborted) refreshLists(CATCH_UP_MS * 2 ** (tries - 1));
      }, delay);
    };
    // When the current connection was asked for: a reset only makes lists loaded before it stale.
    let connectingSince = Date.now();
    const tell = (change: ArticleChange | null) => listeners.current.forEach((l) => l(change));
    void subscribeToArticles({
      token: () => sessionStore.get()?.accessToken,
      signal: stop.signal,
      onStatus: (next) => {
        if (next !== 'live') connectingSince = Date.now();
        setStatus(next);
      },
      onEvent: (change) => {
        const known = waiting.get(change.articleId)?.version ?? 0;
        waiting.set(change.articleId, { version: Math.max(known, change.version), tries: 0 });
        refreshLists();
        tell(change);
      },
      onContributions: () => void queries.invalidateQueries({ queryKey: queryKeys.contributions }),
      onReset: () => {
        // Every connection opens with a reset: refetching the board it loaded alongside would double
        // each page load for nothing, so only what was loaded before the connection is fetched again.
        const since = connectingSince;
        void queries.invalidateQueries({
          queryKey: queryKeys.articleLists(),
          predicate: (q) => q.state.dataUpdatedAt !== 0 && q.state.dataUpdatedAt < since,
        });
        tell(null);
      },
    }).then((reason) => {
      if (reason !== 'aborted') setStatus('offline');
    });
    return () => {
      stop.abort();
      clearTimeout(pending);
    };
  }, [queries]);

  return <LiveContext.Provider value={{ ...value, status }}>{children}</LiveContext.Provider>;
}

function useLive(): LiveUpdates {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a LiveUpdatesProvider above it');
  return live;
}

export function useLiveStatus(): LiveStatus {
  return useLive().status;
}

/**
 * Calls `onChange` for each change to article `id` (or to any article without one), and with
 * `null` after a reset, when the stream cannot tell what changed: the page should fetch again.
 */
export function useArticleChanges(onChange: (change: ArticleChange | null) => void, id?: string): void {
  const { listen } = useLive();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(
    () =>
      listen((change) => {
        if (change === null || id === undefined || change.articleId === id) latest.current(change);
      }),
    [listen, id],
  );
}
