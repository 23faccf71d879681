import type { StoredEvent } from './event-store.types';

interface Waiting {
  streamId: string;
  resolve(events: StoredEvent[]): void;
  reject(err: unknown): void;
}

/** A bound on one read's size; more waiting reads go in the next. */
const MAX_STREAMS = 64;

/**
 * Whole-stream reads that arrive while one is running wait, then go together as one query for all
 * their streams: the read before each append is one round trip per group, not per command. Each
 * stream is read in one statement, so each reader still sees its stream as of one instant.
 */
export class GroupedReads {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Reads the events of these streams, each stream's in version order. */
    private readonly read: (streamIds: string[]) => Promise<StoredEvent[]>,
    private readonly maxInFlight = 1,
  ) {}

  readStream(streamId: string): Promise<StoredEvent[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ streamId, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight) return;
    const group = this.waiting.splice(0, MAX_STREAMS);
    if (group.length === 0) return;
    this.inFlight++;
    try {
      const events = await this.read([...new Set(group.map((w) => w.streamId))]);
      for (const w of group) w.resolve(events.filter((e) => e.streamId === w.streamId));
    } catch (err) {
      for (const w of group) w.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
