const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** JWT_TTL (`15m`, `12h`, `7d`) in seconds: a token and its session expire together. */
export function ttlSeconds(ttl: string): number {
  const m = /^(\d+)([smhd])$/.exec(ttl);
  if (!m) throw new Error(`not a duration: ${ttl}`);
  return Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
}
