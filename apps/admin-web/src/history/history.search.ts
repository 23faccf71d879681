import { parseInstant } from './utc-time';

/** A version number from the URL: a positive integer, or undefined. */
export function parseVersion(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000_000 ? n : undefined;
}

/** Which two versions are compared: in the URL, so a comparison can be linked. */
export interface CompareSearch {
  from?: number;
  to?: number;
}

export function parseCompareSearch(s: Record<string, unknown>): CompareSearch {
  const out: CompareSearch = {};
  const from = parseVersion(s.from);
  const to = parseVersion(s.to);
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

/** Which past state is shown read only: a version, or the article as it was at an instant. */
export interface MomentSearch {
  version?: number;
  asOf?: string;
}

export function parseMomentSearch(s: Record<string, unknown>): MomentSearch {
  const version = parseVersion(s.version);
  const asOf = parseInstant(s.asOf);
  // One or the other: a version names its own moment.
  if (version) return { version };
  if (asOf) return { asOf };
  return {};
}
