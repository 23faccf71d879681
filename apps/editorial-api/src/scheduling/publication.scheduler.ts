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
import { streamsWithDueEvent, streamsWithUnreadableTimer, type TimerQuery } from '@newsroom/event-store';
import { AppConfig } from '../config/app-config';
import { ArticleCommandRunner } from '../articles/shared/article-command.runner';

const SCHEDULER: Actor = { id: 'system-scheduler', name: 'Scheduler', role: 'system', roles: ['system'] };

/** Articles whose latest scheduling decision is a PublicationScheduled not yet carried out. */
const SCHEDULED: TimerQuery = {
  type: 'PublicationScheduled' satisfies ArticleEventType,
  dueField: 'publishAt' satisfies keyof PublicationScheduled['data'],
  supersededBy: ['PublicationScheduled', 'ScheduleCancelled', 'ArticlePublished'] satisfies ArticleEventType[],
  limit: 100,
};

/** A scheduled publication whose stored time cannot be read: it will never publish by itself. */
export interface UnreadableSchedule {
  articleId: string;
  publishAt: string | null;
}

export interface SchedulerStatus {
  lastTickAt: string | null;
  lastError: string | null;
  /** Scheduled articles the scheduler skips; an editor reschedules or cancels them. */
  unreadable: UnreadableSchedule[];
}

/**
 * Publishes scheduled articles at their time, as the scheduler; the event links to who scheduled it.
 * Several API instances may race: the decider refuses all but the first, so nothing publishes twice.
 * A stored time it cannot read (older APIs accepted offsets such as +20:00) is reported, never a
 * reason to stop publishing the others.
 */
@Injectable()
export class PublicationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(PublicationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private state: SchedulerStatus = { lastTickAt: null, lastError: null, unreadable: [] };

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

  status(): SchedulerStatus {
    return this.state;
  }

  async tick(): Promise<void> {
    let lastError: string | null = null;
    try {
      await this.reportUnreadable();
      const due = await streamsWithDueEvent(this.ds, SCHEDULED);
      for (const articleId of due.flatMap((s) => articleIdOfStream(s) ?? [])) {
        try {
          await this.runner.run({ type: 'PublishArticle', articleId, data: {} }, SCHEDULER, { minted: {} });
          this.log.log({ articleId }, 'Published a scheduled article');
        } catch (err) {
          // One article's failure is its own: the others due in this tick still publish.
          if (err instanceof DomainError) {
            this.log.warn({ articleId, reason: err.message }, 'Scheduled publication refused');
          } else {
            lastError = `article ${articleId}: ${(err as Error).message}`;
            this.log.error({ err, articleId }, 'Scheduled publication failed; retrying at the next tick');
          }
        }
      }
    } catch (err) {
      lastError = (err as Error).message;
      this.log.error({ err }, 'Scheduler tick failed; retrying at the next tick');
    }
    this.state = { ...this.state, lastTickAt: new Date().toISOString(), lastError };
  }

  /** Logs each unreadable schedule once (with its article id), and keeps them all in the status. */
  private async reportUnreadable(): Promise<void> {
    const found = await streamsWithUnreadableTimer(this.ds, SCHEDULED);
    const known = new Set(this.state.unreadable.map((u) => u.articleId));
    const unreadable = found.map((t) => ({
      articleId: articleIdOfStream(t.streamId) ?? t.streamId,
      publishAt: t.value,
    }));
    for (const u of unreadable.filter((u) => !known.has(u.articleId))) {
      this.log.error(u, 'Scheduled publication has a publishAt that cannot be read; it is skipped until rescheduled');
    }
    this.state = { ...this.state, unreadable };
  }
}
