import { Injectable, NotFoundException } from '@nestjs/common';
import type { ArticleDiff, ArticleView } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { EventStore, type StoredEvent } from '@newsroom/event-store';
import { envelopeOf } from '@newsroom/messaging';
import { articleDiffOf, articleViewOf, evolveArticleRow, type ArticleRow } from '@newsroom/read-models';
import { ArticleSnapshots, SNAPSHOT_EVERY, type ArticleSnapshot } from './article-snapshots';

type Point = { toVersion?: number; until?: Date };

/**
 * An article as it was at a version or an instant, replayed from the event store itself through the
 * read model's own evolve function, so a historical version has exactly the shape of the current one.
 * The replay starts at the nearest snapshot whose event is still in the stream with its hash.
 */
@Injectable()
export class ArticleTimeTravel {
  constructor(
    private readonly store: EventStore,
    private readonly snapshots: ArticleSnapshots,
  ) {}

  async at(articleId: string, point: Point = {}): Promise<ArticleView> {
    const row = await this.replay(articleId, point);
    if (!row) {
      throw new NotFoundException(
        point.toVersion || point.until
          ? `Article ${articleId} did not exist at that point`
          : `Article ${articleId} does not exist`,
      );
    }
    if (point.toVersion !== undefined && row.version !== point.toVersion) {
      throw new NotFoundException(`Article ${articleId} has no version ${point.toVersion}`);
    }
    return articleViewOf(row);
  }

  /** What changed from version `from` to version `to`, both replayed from ONE read of the stream. */
  async diff(articleId: string, from: number, to: number): Promise<ArticleDiff> {
    const at = new Map<number, ArticleRow>();
    await this.replay(articleId, { toVersion: Math.max(from, to) }, Math.min(from, to), (row) => {
      if (row.version === from || row.version === to) at.set(row.version, row);
    });
    const missing = [from, to].find((v) => !at.has(v));
    if (missing !== undefined) throw new NotFoundException(`Article ${articleId} has no version ${missing}`);
    return articleDiffOf(at.get(from)!, at.get(to)!);
  }

  /**
   * Folds the stream up to `point`, from the nearest snapshot at or before `startAt` (the point
   * itself by default), showing `visit` each row from there on, and keeps the snapshots it passes.
   */
  private async replay(
    articleId: string,
    point: Point,
    startAt = point.toVersion,
    visit: (row: ArticleRow) => void = () => undefined,
  ): Promise<ArticleRow | null> {
    const streamId = articleStreamId(articleId);
    const snapshot = await this.snapshots.nearest(streamId, { ...point, toVersion: startAt });
    let events = await this.eventsUpTo(streamId, point, snapshot?.version ?? 1);
    let row: ArticleRow | null = null;
    let maxOccurredAt = '';
    if (snapshot && events[0]?.version === snapshot.version && events[0].hash === snapshot.hash) {
      ({ row, maxOccurredAt } = snapshot);
      visit(row);
      events = events.slice(1);
    } else if (snapshot) {
      // The stream no longer holds the event the snapshot was taken at (a restored database): it
      // stands for nothing. Replay from the first event.
      await this.snapshots.discard(streamId, snapshot.version);
      events = await this.eventsUpTo(streamId, point, 1);
    }
    const taken: ArticleSnapshot[] = [];
    for (const e of events) {
      row = evolveArticleRow(row, envelopeOf(e));
      // ISO-8601 instants in UTC sort as text.
      if (e.occurredAt > maxOccurredAt) maxOccurredAt = e.occurredAt;
      if (row.version % SNAPSHOT_EVERY === 0) taken.push({ version: row.version, hash: e.hash, maxOccurredAt, row });
      visit(row);
    }
    await this.snapshots.keep(streamId, taken);
    return row;
  }

  /**
   * The events from `fromVersion` up to the point. Up to an instant, a page at a time, growing,
   * until the first event after the instant: no index orders a stream by instant, and filtering
   * it to its end would read every later event (5,000 of them from the middle of 10,000). A
   * stream whose instants go backwards answers its events up to the first one after the instant.
   */
  private async eventsUpTo(streamId: string, point: Point, fromVersion: number): Promise<StoredEvent[]> {
    if (point.until === undefined) return this.store.readStream(streamId, { ...point, fromVersion });
    const events: StoredEvent[] = [];
    for (let from = fromVersion, size = SNAPSHOT_EVERY; ; from += size, size *= 2) {
      const to = Math.min(from + size - 1, point.toVersion ?? Infinity);
      const page = await this.store.readStream(streamId, { until: point.until, fromVersion: from, toVersion: to });
      const inOrder = page.findIndex((e, i) => e.version !== from + i);
      events.push(...(inOrder === -1 ? page : page.slice(0, inOrder)));
      if (inOrder !== -1 || page.length < to - from + 1 || to === point.toVersion) return events;
    }
  }
}
