/**
 * What group commit and grouped reads share: work that arrives while a batch is running waits, and
 * goes in the next batch, started on a microtask so that work queued in the same turn (Promise.all)
 * shares it. At most `maxInFlight` batches run at once.
 */
export class MicrotaskBatcher<W> {
  private waiting: W[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Splits the waiting work into the next batch and what waits for a later one, in arrival order. */
    private readonly take: (waiting: W[]) => { batch: W[]; later: W[] },
    /** Runs one batch; settles every item of it, never throws. */
    private readonly run: (batch: W[]) => Promise<void>,
    private readonly maxInFlight: number,
  ) {}

  push(w: W): void {
    this.waiting.push(w);
    this.schedule();
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
    const { batch, later } = this.take(this.waiting);
    this.waiting = later;
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      await this.run(batch);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

/** The first `max` waiting items, in arrival order. */
export function firstOf<W>(max: number): (waiting: W[]) => { batch: W[]; later: W[] } {
  return (waiting) => ({ batch: waiting.slice(0, max), later: waiting.slice(max) });
}
