import type { HistoryEntry } from '@newsroom/contracts';

/** The newest version that was published, or undefined when the article never was. */
export function lastPublishedVersion(history: readonly HistoryEntry[]): number | undefined {
  return history.findLast((e) => e.type === 'ArticlePublished')?.version;
}

export interface Pair {
  from: number;
  to: number;
}

/** The version before the newest, against the newest (or the first against itself when there is one). */
export function previousVersionPair(latest: number): Pair {
  return { from: Math.max(1, latest - 1), to: latest };
}

/**
 * What changed since readers last saw it: the last published version against the newest. An article
 * never published, or not changed since, falls back to the previous version.
 */
export function sinceLastPublishedPair(history: readonly HistoryEntry[], latest: number): Pair | undefined {
  const published = lastPublishedVersion(history);
  return published !== undefined && published < latest ? { from: published, to: latest } : undefined;
}

/** The pair the URL names, else the default: since last published, else the previous version. */
export function comparedPair(
  search: { from?: number; to?: number },
  history: readonly HistoryEntry[],
  latest: number,
): Pair {
  const fallback = sinceLastPublishedPair(history, latest) ?? previousVersionPair(latest);
  const clamp = (v: number | undefined, d: number) => (v !== undefined && v <= latest ? v : d);
  return { from: clamp(search.from, fallback.from), to: clamp(search.to, fallback.to) };
}
