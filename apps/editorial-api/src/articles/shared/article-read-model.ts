import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleRow } from '@newsroom/read-models';

const POLL_MS = 20;

/** Reads the projector's article_state table. */
@Injectable()
export class ArticleReadModel {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(articleId: string): Promise<ArticleRow | undefined> {
    const [r] = await this.ds.query(`SELECT row FROM article_state WHERE article_id = $1`, [articleId]);
    return r?.row;
  }

  /**
   * Waits (bounded) until the projection has reached `minVersion`, so a client reads its own write
   * without sleeping. Returns the newest row either way; the caller says which version it shows.
   */
  async getAtLeast(articleId: string, minVersion: number, timeoutMs: number): Promise<ArticleRow | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await this.get(articleId);
      if ((row && row.version >= minVersion) || Date.now() >= deadline) return row;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
