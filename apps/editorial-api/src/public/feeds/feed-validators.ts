import type { FeedStamp } from '@newsroom/read-models';

export type FeedKind = 'atom' | 'json';

/** Weak: the feed's entries and their versions, not its bytes (the same stamp may render anew). */
export const feedEtagOf = (kind: FeedKind, s: FeedStamp) => `W/"${kind}-${s.count}-${s.versions}"`;

/** If-Modified-Since counts only without If-None-Match (RFC 9110 §13.1.3), at HTTP dates' one-second grain. */
export function unmodifiedSince(h: Record<string, string | string[] | undefined>, s: FeedStamp): boolean {
  const since = h['if-modified-since'];
  if (h['if-none-match'] || typeof since !== 'string' || !s.changed) return false;
  const at = Date.parse(since);
  return Number.isFinite(at) && Math.floor(Date.parse(s.changed) / 1000) * 1000 <= at;
}

/** The validators a feed's answer carries, 304 or 200. */
export function feedValidators(kind: FeedKind, s: FeedStamp): Record<string, string> {
  return {
    ETag: feedEtagOf(kind, s),
    ...(s.changed ? { 'Last-Modified': new Date(s.changed).toUTCString() } : {}),
    'Cache-Control': 'no-cache',
  };
}
