import { firstOf, MicrotaskBatcher } from './microtask-batcher';

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
  private readonly batcher: MicrotaskBatcher<Waiting<I, O>>;

  constructor(
    /** Reads every item at once; answers one result per item, in the order given. */
    readAll: (items: I[]) => Promise<O[]>,
    /** Reads at once: two, so that reading one long stream does not hold up every other command. */
    maxInFlight = 2,
  ) {
    this.batcher = new MicrotaskBatcher<Waiting<I, O>>(
      firstOf(MAX_ITEMS),
      async (group) => {
        try {
          const results = await readAll(group.map((w) => w.item));
          group.forEach((w, i) => w.resolve(results[i]));
        } catch (err) {
          for (const w of group) w.reject(err);
        }
      },
      maxInFlight,
    );
  }

  read(item: I): Promise<O> {
    return new Promise((resolve, reject) => this.batcher.push({ item, resolve, reject }));
  }
}
