import { Injectable, NotFoundException } from '@nestjs/common';
import type { ArticleDiff, ArticleView } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { EventStore } from '@newsroom/event-store';
import { envelopeOf } from '@newsroom/messaging';
import { articleDiffOf, articleViewOf, evolveArticleRow, type ArticleRow } from '@newsroom/read-models';

/**
 * An article as it was at a version or an instant, replayed from the event store itself through the
 * read model's own evolve function, so a historical version has exactly the shape of the current one.
 */
@Injectable()
export class ArticleTimeTravel {
  constructor(private readonly store: EventStore) {}

  async at(articleId: string, point: { toVersion?: number; until?: Date } = {}): Promise<ArticleView> {
    const events = await this.store.readStream(articleStreamId(articleId), point);
    const row = events.reduce<ArticleRow | null>((r, e) => evolveArticleRow(r, envelopeOf(e)), null);
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
    const events = await this.store.readStream(articleStreamId(articleId), { toVersion: Math.max(from, to) });
    const at = new Map<number, ArticleRow>();
    events.reduce<ArticleRow | null>((r, e) => {
      const next = evolveArticleRow(r, envelopeOf(e));
      if (next.version === from || next.version === to) at.set(next.version, next);
      return next;
    }, null);
    const missing = [from, to].find((v) => !at.has(v));
    if (missing !== undefined) throw new NotFoundException(`Article ${articleId} has no version ${missing}`);
    return articleDiffOf(at.get(from)!, at.get(to)!);
  }
}
