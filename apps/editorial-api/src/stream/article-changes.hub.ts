import { Injectable, Logger, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { StreamEnd, StreamReset } from '@newsroom/contracts';
import { latestChanges } from '@newsroom/read-models';
import { ArticleVersionsListener } from '../articles/shared/article-versions.listener';
import { ChangeLog, type LoggedChange } from './change-log';

/** What a stream sends, before it is written as an SSE message. */
export type StreamMessage =
  | { type: 'article'; logged: LoggedChange }
  | { type: 'contributions' }
  | { type: 'reset'; reason: StreamReset['reason']; id: string }
  | { type: 'end'; reason: StreamEnd['reason'] };

const MAX_RELISTEN_DELAY_MS = 30_000;

/**
 * The article changes of this API process, fed by the read model's commits (the projector's NOTIFY
 * on the one LISTEN connection of ArticleVersionsListener), read once per notification and fanned
 * out to every open stream. Notifications that arrive while a read is in flight are merged into the
 * next read, so a busy projector costs one query per read, not one per notification.
 */
@Injectable()
export class ArticleChangesHub implements OnModuleDestroy, OnApplicationShutdown {
  private readonly log = new Logger(ArticleChangesHub.name);
  private readonly changes = new ChangeLog(() => randomBytes(4).toString('hex'));
  private readonly out = new Subject<StreamMessage>();
  private readonly pending = new Map<string, number>();
  private readonly closing = new AbortController();
  private reading = false;
  private relistening = false;
  private unfollow?: () => void;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly listener: ArticleVersionsListener,
  ) {}

  /** True once changes are being heard; false when the database cannot be listened to now. */
  async open(): Promise<boolean> {
    this.unfollow ??= this.listener.follow({
      versions: (versions) => this.heard(versions),
      contributions: () => this.out.next({ type: 'contributions' }),
      lost: () => void this.relisten(),
    });
    return this.listener.ready();
  }

  /** The id of the newest change announced. */
  get lastId(): string {
    return this.changes.lastId;
  }

  /**
   * One client's stream: first what it missed since `lastEventId` (or a reset), then every change as
   * it is read. Both in the same tick, so nothing falls between them.
   */
  streamSince(lastEventId: string | undefined): Observable<StreamMessage> {
    return new Observable<StreamMessage>((subscriber) => {
      const start = this.changes.since(lastEventId);
      if ('reset' in start) subscriber.next({ type: 'reset', reason: start.reset, id: start.id });
      else for (const logged of start.replay) subscriber.next({ type: 'article', logged });
      return this.out.subscribe(subscriber);
    });
  }

  /** Ends every stream before the HTTP server closes, which would otherwise wait for them. */
  onModuleDestroy() {
    this.closing.abort();
    this.unfollow?.();
    this.out.next({ type: 'end', reason: 'shutdown' });
  }

  onApplicationShutdown() {
    this.out.complete();
  }

  private heard(versions: ReadonlyArray<[string, number]>): void {
    for (const [articleId, version] of versions) {
      this.pending.set(articleId, Math.max(version, this.pending.get(articleId) ?? 0));
    }
    if (!this.reading) void this.read();
  }

  private async read(): Promise<void> {
    this.reading = true;
    try {
      while (this.pending.size > 0) {
        const articleIds = [...this.pending.keys()];
        this.pending.clear();
        try {
          const changes = await latestChanges(this.ds, articleIds);
          for (const logged of this.changes.record(changes)) this.out.next({ type: 'article', logged });
        } catch (err) {
          this.log.warn({ err: (err as Error).message }, 'Cannot read the changes the read model announced');
          this.missedChanges();
        }
      }
    } finally {
      this.reading = false;
    }
  }

  /** After the LISTEN connection dropped: listen again, then tell every stream to fetch afresh. */
  private async relisten(): Promise<void> {
    if (this.relistening) return;
    this.relistening = true;
    try {
      for (let delay = 250; !this.closing.signal.aborted; delay = Math.min(delay * 2, MAX_RELISTEN_DELAY_MS)) {
        if (await this.listener.ready()) return this.missedChanges();
        await sleep(delay, undefined, { signal: this.closing.signal, ref: false }).catch(() => undefined);
      }
    } finally {
      this.relistening = false;
    }
  }

  private missedChanges(): void {
    this.changes.restart();
    this.out.next({ type: 'reset', reason: 'missed-changes', id: this.changes.lastId });
  }
}
