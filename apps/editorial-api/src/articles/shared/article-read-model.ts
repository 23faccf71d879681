import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleView } from '@newsroom/contracts';
import { articleViewOf, findArticleRow } from '@newsroom/read-models';
import { ArticleVersionsListener } from './article-versions.listener';

/** The projector's article read model, as the API serves it. */
@Injectable()
export class ArticleReadModel {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly versions: ArticleVersionsListener,
  ) {}

  async get(articleId: string): Promise<ArticleView | undefined> {
    const row = await findArticleRow(this.ds, articleId);
    return row && articleViewOf(row);
  }

  /**
   * Waits (bounded) until the projection has reached `minVersion`, so a client reads its own write
   * without sleeping: at most two reads, woken by the projector's notification. Returns the newest
   * view either way; the caller says which version it shows.
   */
  async getAtLeast(articleId: string, minVersion: number, timeoutMs: number): Promise<ArticleView | undefined> {
    // Listening before the first read: a commit between the read and the wait still wakes it.
    await this.versions.ready();
    const controller = new AbortController();
    const woken = this.versions.waitFor(articleId, minVersion, timeoutMs, controller.signal);
    const first = await findArticleRow(this.ds, articleId);
    if (first && first.version >= minVersion) {
      controller.abort();
      await woken;
      return articleViewOf(first);
    }
    await woken;
    const row = await findArticleRow(this.ds, articleId);
    return row && articleViewOf(row);
  }
}
