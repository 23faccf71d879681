import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleView } from '@newsroom/contracts';
import { articleViewOf, findArticleRow } from '@newsroom/read-models';

const POLL_MS = 20;

/** The projector's article read model, as the API serves it. */
@Injectable()
export class ArticleReadModel {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(articleId: string): Promise<ArticleView | undefined> {
    const row = await findArticleRow(this.ds, articleId);
    return row && articleViewOf(row);
  }

  /**
   * Waits (bounded) until the projection has reached `minVersion`, so a client reads its own write
   * without sleeping. Returns the newest view either way; the caller says which version it shows.
   */
  async getAtLeast(articleId: string, minVersion: number, timeoutMs: number): Promise<ArticleView | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await findArticleRow(this.ds, articleId);
      if ((row && row.version >= minVersion) || Date.now() >= deadline) return row && articleViewOf(row);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
