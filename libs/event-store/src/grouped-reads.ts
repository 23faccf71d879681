interface Waiting<I, O> {
  item: I;
  resolve(result: O): void;
  reject(err: unknown): void;
}

/** A bound on one read's size; more waiting reads go in the next. */
const MAX_ITEMS = 64;

/**
 * Reads that arrive while one is running wait, then go together as one query: the reads of each
 * command (its stream, its idempotency key) cost one round trip per group, not per command. One
 * statement reads the whole group, so each reader still sees its rows as of one instant.
 */
export class GroupedReads<I, O> {
  private waiting: Array<Waiting<I, O>> = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Reads every item at once; answers one result per item, in the order given. */
    private readonly readAll: (items: I[]) => Promise<O[]>,
    /** Reads at once: two, so that reading one long stream does not hold up every other command. */
    private readonly maxInFlight = 2,
  ) {}

  read(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
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
    const group = this.waiting.splice(0, MAX_ITEMS);
    if (group.length === 0) return;
    this.inFlight++;
    try {
      const results = await this.readAll(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(results[i]));
    } catch (err) {
      for (const w of group) w.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
