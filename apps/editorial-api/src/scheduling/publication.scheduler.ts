import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainError } from '@newsroom/editorial-domain';
import { AppConfig } from '../config/app-config';
import { ArticleCommandRunner } from '../articles/shared/article-command.runner';

const SCHEDULER: Actor = { id: 'system-scheduler', name: 'Scheduler', role: 'system', roles: ['system'] };

/** Streams whose latest scheduling decision is a PublicationScheduled that has come due. */
const DUE = `
  SELECT substr(e.stream_id, 9) AS article_id
  FROM events e
  WHERE e.type = 'PublicationScheduled'
    AND (e.data->>'publishAt')::timestamptz <= now()
    AND NOT EXISTS (
      SELECT 1 FROM events later
      WHERE later.stream_id = e.stream_id AND later.version > e.version
        AND later.type IN ('PublicationScheduled', 'ScheduleCancelled', 'ArticlePublished'))
  ORDER BY e.data->>'publishAt'
  LIMIT 100`;

/**
 * Publishes scheduled articles at their time, as the scheduler; the event links to who scheduled it.
 * Several API instances may race: the decider refuses all but the first, so nothing publishes twice.
 */
@Injectable()
export class PublicationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(PublicationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly runner: ArticleCommandRunner,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.config.env.SCHEDULER_INTERVAL_MS);
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  async tick(): Promise<void> {
    try {
      const due: Array<{ article_id: string }> = await this.ds.query(DUE);
      for (const { article_id } of due) {
        try {
          await this.runner.run({ type: 'PublishArticle', articleId: article_id, data: {} }, SCHEDULER, { minted: {} });
          this.log.log({ articleId: article_id }, 'Published a scheduled article');
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          this.log.warn({ articleId: article_id, reason: err.message }, 'Scheduled publication refused');
        }
      }
    } catch (err) {
      this.log.error({ err }, 'Scheduler tick failed; retrying at the next tick');
    }
  }
}
