import type { ArticleChange, StreamReset } from '@newsroom/contracts';

/** A change as sent, with its event id `<epoch>-<sequence>`. */
export interface LoggedChange {
  id: string;
  change: ArticleChange;
}

/** Where a connection starts: the changes it missed, or a reset (fetch again) at the current id. */
export type Resumption = { replay: LoggedChange[] } | { reset: StreamReset['reason']; id: string };

const ID = /^([0-9a-f]{1,32})-(\d{1,15})$/;

/**
 * The last changes this API process announced, so that a client that reconnects with Last-Event-ID
 * gets what it missed instead of fetching everything again. Ids are `<epoch>-<sequence>`: the epoch
 * changes with every process and whenever the process may itself have missed changes, so an id from
 * elsewhere, or from before a gap, can never be taken for one of ours. Pure: ids and memory only.
 */
export class ChangeLog {
  private epoch: string;
  private sequence = 0;
  private readonly kept: LoggedChange[] = [];
  /** The newest version announced per article, so a change read twice is announced once. */
  private readonly announced = new Map<string, number>();

  constructor(
    private readonly newEpoch: () => string,
    private readonly capacity = 1000,
    private readonly articlesRemembered = 10_000,
  ) {
    this.epoch = newEpoch();
  }

  /** The id of the newest change, or of the start of the epoch. */
  get lastId(): string {
    return `${this.epoch}-${this.sequence}`;
  }

  /** Gives each change newer than the one announced for its article an id; returns those. */
  record(changes: readonly ArticleChange[]): LoggedChange[] {
    const fresh: LoggedChange[] = [];
    for (const change of changes) {
      if ((this.announced.get(change.articleId) ?? 0) >= change.version) continue;
      // Re-inserted so the map's order is least recently announced first: that one is forgotten first.
      this.announced.delete(change.articleId);
      this.announced.set(change.articleId, change.version);
      if (this.announced.size > this.articlesRemembered) this.announced.delete(this.announced.keys().next().value!);
      this.sequence += 1;
      fresh.push({ id: this.lastId, change });
    }
    this.kept.push(...fresh);
    if (this.kept.length > this.capacity) this.kept.splice(0, this.kept.length - this.capacity);
    return fresh;
  }

  /** Changes may have been missed: every id so far stops being resumable. */
  restart(): void {
    this.epoch = this.newEpoch();
    this.sequence = 0;
    this.kept.length = 0;
    this.announced.clear();
  }

  /** Where a connection that last saw `lastEventId` starts. */
  since(lastEventId: string | undefined): Resumption {
    if (!lastEventId) return { reset: 'new', id: this.lastId };
    const [, epoch, seq] = ID.exec(lastEventId) ?? [];
    const sequence = Number(seq);
    if (epoch !== this.epoch || sequence > this.sequence) return { reset: 'unknown-position', id: this.lastId };
    const oldestKept = this.sequence - this.kept.length + 1;
    if (sequence < oldestKept - 1) return { reset: 'too-far-behind', id: this.lastId };
    return { replay: this.kept.slice(sequence - oldestKept + 1) };
  }
}
