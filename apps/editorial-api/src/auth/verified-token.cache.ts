/**
 * Tokens already verified, until they expire: verifying an HMAC signature on every request
 * costs more CPU than the rest of a small command. Bounded, oldest entries evicted first.
 */
export class VerifiedTokenCache<T extends { exp?: number }> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 5000) {}

  get(token: string, nowSeconds = Date.now() / 1000): T | undefined {
    const payload = this.entries.get(token);
    if (!payload) return undefined;
    if (payload.exp !== undefined && payload.exp <= nowSeconds) {
      this.entries.delete(token);
      return undefined;
    }
    return payload;
  }

  set(token: string, payload: T): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, payload);
  }
}
