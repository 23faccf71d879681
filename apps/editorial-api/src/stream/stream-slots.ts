/**
 * Open streams per user in this process: each holds a socket and a subscription for as long as the
 * client stays, so one user (a script, a leaking tab) may not hold them all.
 */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(readonly maxPerUser: number) {}

  /** A slot for the user, with the way to give it back (once), or undefined when they hold them all. */
  take(userId: string): (() => void) | undefined {
    const held = this.open.get(userId) ?? 0;
    if (held >= this.maxPerUser) return undefined;
    this.open.set(userId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
  }

  heldBy(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}
