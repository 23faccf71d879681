/**
 * The path as the router reads it, so two spellings of one route fingerprint alike: no repeated
 * or trailing slash, and lower case (routes and the ids in them, UUIDs, match case-insensitively).
 * `/api/articles//X/` and `/api/articles/x` are one target.
 */
export function canonicalPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0].replace(/\/{2,}/g, '/');
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return (trimmed || '/').toLowerCase();
}
