import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ARTICLE_ROW_FOLD, type ArticleRow } from '@newsroom/read-models';

/** Versions between snapshots: a read folds at most this many events after the nearest one. */
export const SNAPSHOT_EVERY = 100;

/** The article row at `version`, whose event carries `hash`; no event up to it occurred after `maxOccurredAt`. */
export interface ArticleSnapshot {
  version: number;
  hash: string;
  maxOccurredAt: string;
  row: ArticleRow;
}

/** Table `article_snapshots`, time travel's alone: derived rows, checked before use, rebuilt on demand. */
@Injectable()
export class ArticleSnapshots {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The latest snapshot at or before the point: by version, and for an instant, with every event before it. */
  async nearest(streamId: string, point: { toVersion?: number; until?: Date }): Promise<ArticleSnapshot | undefined> {
    const params: unknown[] = [streamId, ARTICLE_ROW_FOLD];
    let where = 'stream_id = $1 AND fold = $2';
    if (point.toVersion !== undefined) where += ` AND version <= $${params.push(point.toVersion)}`;
    if (point.until !== undefined) where += ` AND max_occurred_at <= $${params.push(point.until)}`;
    const [r] = await this.ds.query(
      `SELECT version, hash, max_occurred_at, row FROM article_snapshots WHERE ${where}
       ORDER BY version DESC LIMIT 1`,
      params,
    );
    return (
      r && { version: r.version, hash: r.hash, maxOccurredAt: new Date(r.max_occurred_at).toISOString(), row: r.row }
    );
  }

  async keep(streamId: string, snapshots: ArticleSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    const values: unknown[] = [];
    const tuples = snapshots.map(
      (s) =>
        `(${[streamId, s.version, ARTICLE_ROW_FOLD, s.hash, s.maxOccurredAt, JSON.stringify(s.row)]
          .map((v) => `$${values.push(v)}`)
          .join(', ')})`,
    );
    // A snapshot is only a shortcut: a read that could not store one still answered right.
    await this.ds
      .query(
        `INSERT INTO article_snapshots (stream_id, version, fold, hash, max_occurred_at, row)
         VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
        values,
      )
      .catch(() => undefined);
  }

  /** Every snapshot of the stream, in the caller's transaction: after a redaction they hold removed text. */
  async discardAll(streamId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM article_snapshots WHERE stream_id = $1`, [streamId]);
  }

  async discard(streamId: string, version: number): Promise<void> {
    await this.ds
      .query(`DELETE FROM article_snapshots WHERE stream_id = $1 AND version = $2`, [streamId, version])
      .catch(() => undefined);
  }
}
