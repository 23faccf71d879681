import { Injectable, NotFoundException } from '@nestjs/common';
import { articleStreamId } from '@newsroom/editorial-domain';
import { EventStore } from '@newsroom/event-store';
import { envelopeOf } from '@newsroom/messaging';
import { ArticleRow, evolveArticleRow } from '@newsroom/read-models';
import { ArticleView, viewOf } from './article.view';

/**
 * Folds an article from the event store itself, through the read model's own evolve function,
 * so a historical version has exactly the shape of the current one.
 */
@Injectable()
export class ArticleFolder {
  constructor(private readonly store: EventStore) {}

  async fold(articleId: string, at: { toVersion?: number; until?: Date } = {}): Promise<ArticleView> {
    const events = await this.store.readStream(articleStreamId(articleId), at);
    const row = events.reduce<ArticleRow | null>((r, e) => evolveArticleRow(r, envelopeOf(e)), null);
    if (!row) {
      throw new NotFoundException(
        at.toVersion || at.until
          ? `Article ${articleId} did not exist at that point`
          : `Article ${articleId} does not exist`,
      );
    }
    if (at.toVersion !== undefined && row.version !== at.toVersion) {
      throw new NotFoundException(`Article ${articleId} has no version ${at.toVersion}`);
    }
    return viewOf(row);
  }

  /** The article at two versions from ONE read of its stream (the diff's two sides). */
  async foldPair(articleId: string, a: number, b: number): Promise<[ArticleView, ArticleView]> {
    const events = await this.store.readStream(articleStreamId(articleId), { toVersion: Math.max(a, b) });
    const at = new Map<number, ArticleView>();
    events.reduce<ArticleRow | null>((r, e) => {
      const next = evolveArticleRow(r, envelopeOf(e));
      if (next.version === a || next.version === b) at.set(next.version, viewOf(next));
      return next;
    }, null);
    const missing = [a, b].find((v) => !at.has(v));
    if (missing !== undefined) throw new NotFoundException(`Article ${articleId} has no version ${missing}`);
    return [at.get(a)!, at.get(b)!];
  }
}
