/**
 * Unwrapped field keys kept in memory, bounded in number and in age. The number bounds memory; the
 * age bounds how long a key destroyed by another process can still open fields here (a process
 * that learns of a redaction calls `forget` at once). Least recently used goes first.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; at: number }>();

  constructor(
    private readonly maxKeys = 10_000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(kid: string): Buffer | undefined {
    const e = this.entries.get(kid);
    if (!e) return undefined;
    this.entries.delete(kid);
    if (this.now() - e.at > this.maxAgeMs) return undefined;
    this.entries.set(kid, e);
    return e.key;
  }

  set(kid: string, key: Buffer): void {
    this.entries.delete(kid);
    this.entries.set(kid, { key, at: this.now() });
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(kids: Iterable<string>): void {
    for (const kid of kids) this.entries.delete(kid);
  }

  get size(): number {
    return this.entries.size;
  }
}
