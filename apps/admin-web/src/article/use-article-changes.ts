import type { ArticleChange } from '@newsroom/contracts';
import { useEffect, useRef } from 'react';
import { sessionStore } from '../auth/session';
import { subscribeToArticles } from '../live/subscribe-to-articles';

/**
 * Calls `onChange` with each change the read model commits to this article, and with null when the
 * stream cannot say what it missed (the caller then asks the API). Follows the stream while mounted.
 */
export function useArticleChanges(articleId: string, onChange: (change: ArticleChange | null) => void) {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const stop = new AbortController();
    void subscribeToArticles({
      token: () => sessionStore.get()?.accessToken,
      signal: stop.signal,
      onEvent: (change) => {
        if (change.articleId === articleId) latest.current(change);
      },
      onReset: () => latest.current(null),
    });
    return () => stop.abort();
  }, [articleId]);
}
