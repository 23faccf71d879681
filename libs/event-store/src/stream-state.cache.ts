/** A stream's state folded up to `version`, the version whose stored event carries `hash`. */
export interface CachedState<S> {
  readonly version: number;
  readonly hash: string;
  readonly state: S;
}

/** Enough for the articles a newsroom works on at once; an evicted stream is only folded again. */
export const DEFAULT_STATE_CACHE_SIZE = 2000;

/**
 * The decided states of recently used streams, least recently used first out, so that a command
 * reads only the events newer than what it already folded. Never a source of truth: handleCommand
 * checks each entry against the stored event at its version (its hash) before trusting it, and the
 * unique (stream, version) key still decides between writers, in this process or another.
 * Entries are deep-frozen, so that code writing to a state it was given throws instead of
 * corrupting every later decision on that stream.
 */
export class StreamStateCache<S> {
  private readonly entries = new Map<string, CachedState<S>>();

  constructor(readonly capacity = DEFAULT_STATE_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  get(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      // A Map iterates in insertion order: re-inserting makes this the most recently used.
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  /**
   * Keeps `entry` unless a later version is cached already: two commands of this process that
   * raced on one stream may finish in either order, and the later state is the one worth keeping.
   */
  remember(streamId: string, entry: CachedState<S>): void {
    const current = this.entries.get(streamId);
    if (current && current.version > entry.version) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, deepFreeze({ ...entry }));
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * Drops the entry an attempt that went wrong was based on (or any entry, without `basedOn`).
   * An entry at another version was put there since by a success, and stays.
   */
  forget(streamId: string, basedOn?: { version: number }): void {
    const current = this.entries.get(streamId);
    if (current && (!basedOn || current.version === basedOn.version)) this.entries.delete(streamId);
  }
}

/** Freezes what is not frozen yet: the parts a new state shares with the one before are skipped. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
