interface Entry<T> {
  at: number;
  value: Promise<T | undefined>;
  /** Set once the read has finished; undefined while it is in flight. */
  read?: { value: T | undefined };
}

/**
 * What an API instance read of each session and its user, trusted for at most `ttlMs`. A change made
 * through this instance forgets the affected entries at once; another instance sees it within `ttlMs`.
 * Concurrent requests on one session share one read.
 */
export class SessionCache<T extends { id: string }> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  get(sessionId: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.entries.get(sessionId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    this.entries.delete(sessionId);
    const entry: Entry<T> = { at: this.now(), value: load() };
    if (this.ttlMs <= 0) return entry.value;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, entry);
    entry.value.then(
      (value) => (entry.read = { value }),
      () => this.entries.get(sessionId) === entry && this.entries.delete(sessionId),
    );
    return entry.value;
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** After a change to the user (roles, password, disabled): each of their sessions is read again. */
  forgetUser(userId: string): void {
    for (const [sid, entry] of this.entries) {
      // A read still in flight may have seen the state from before the change: drop it too.
      if (!entry.read || entry.read.value?.id === userId) this.entries.delete(sid);
    }
  }
}
