import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  articleIdOfStream,
  DomainError,
  type ArticleEventType,
  type PublicationScheduled,
} from '@newsroom/editorial-domain';
import { streamsWithDueEvent } from '@newsroom/event-store';
import { AppConfig } from '../config/app-config';
import { ArticleCommandRunner } from '../articles/shared/article-command.runner';

const SCHEDULER: Actor = { id: 'system-scheduler', name: 'Scheduler', role: 'system', roles: ['system'] };

/** Articles whose latest scheduling decision is a PublicationScheduled that has come due. */
async function dueArticles(ds: DataSource): Promise<string[]> {
  const streams = await streamsWithDueEvent(ds, {
    type: 'PublicationScheduled' satisfies ArticleEventType,
    dueField: 'publishAt' satisfies keyof PublicationScheduled['data'],
    supersededBy: ['PublicationScheduled', 'ScheduleCancelled', 'ArticlePublished'] satisfies ArticleEventType[],
    limit: 100,
  });
  return streams.flatMap((s) => articleIdOfStream(s) ?? []);
}

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
      for (const article_id of await dueArticles(this.ds)) {
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
