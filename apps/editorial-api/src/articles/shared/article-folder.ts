import { Injectable, NotFoundException } from '@nestjs/common';
import type { ArticleState } from '@newsroom/editorial-domain';
import { articleDecider } from '@newsroom/editorial-domain';
import { EventStore, foldEvents } from '@newsroom/event-store';
import { streamIdOf } from './article-command.runner';

export type ArticleView = Exclude<ArticleState, { status: 'none' }>;

/** Folds an article from the event store itself: the truth, at any version or instant. */
@Injectable()
export class ArticleFolder {
  constructor(private readonly store: EventStore) {}

  async fold(articleId: string, at: { toVersion?: number; until?: Date } = {}): Promise<ArticleView> {
    const events = await this.store.readStream(streamIdOf(articleId), at);
    const state = foldEvents(articleDecider, events);
    if (state.status === 'none') {
      throw new NotFoundException(
        at.toVersion || at.until ? `Article ${articleId} did not exist at that point` : `Article ${articleId} does not exist`,
      );
    }
    if (at.toVersion !== undefined && state.version !== at.toVersion) {
      throw new NotFoundException(`Article ${articleId} has no version ${at.toVersion}`);
    }
    return state;
  }
}
