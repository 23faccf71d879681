import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, ArticleCommand, articleDecider, ArticleState, articleStreamId } from '@newsroom/editorial-domain';
import { CommandOutcome, EventStore, handleCommand } from '@newsroom/event-store';
import type { ArticleCommandInput } from './execute-article.command';

export interface RunOptions {
  expectedVersion?: number;
  idempotency?: { key: string; requestHash: string };
  correlationId?: string;
  respond?: (version: number) => { statusCode: number; body: unknown };
}

/** Runs one article command through the event store's pipeline, for HTTP and the scheduler alike. */
@Injectable()
export class ArticleCommandRunner {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: EventStore,
  ) {}

  run(input: ArticleCommandInput, actor: Actor, opts: RunOptions = {}): Promise<CommandOutcome<ArticleState>> {
    const now = new Date().toISOString();
    const commandId = randomUUID();
    // A JSON round trip drops the undefined keys DTO instances carry, so "absent" never reads as "cleared".
    const data = JSON.parse(JSON.stringify(input.data ?? {}));
    const command = { ...input, data, metadata: { actor, now } } as ArticleCommand;
    return handleCommand(
      this.ds,
      this.store,
      articleDecider,
      {
        streamId: articleStreamId(input.articleId),
        command,
        metadata: {
          actor: { id: actor.id, name: actor.name, role: actor.role },
          commandId,
          correlationId: opts.correlationId ?? commandId,
          causationId: commandId,
        },
        now,
        expectedVersion: opts.expectedVersion,
        idempotency: opts.idempotency ? { actorId: actor.id, ...opts.idempotency } : undefined,
      },
      ({ version }) => opts.respond?.(version) ?? { statusCode: 200, body: { id: input.articleId, version } },
    );
  }
}
