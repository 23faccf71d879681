/**
 * At most `size` hashes at once; the rest wait in turn. argon2 runs on libuv's pool (4 threads), and
 * four 19 MiB hashes on a 2-core machine leave the event loop no core: every other request then waits.
 */
export class HashingSlots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
  }
}
