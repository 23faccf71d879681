import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ArticleCommand } from '@newsroom/editorial-domain';
import { articleDecider } from '@newsroom/editorial-domain';
import { EventStore, handleCommand } from '@newsroom/event-store';
import { actorOf } from './actor';
import { ArticleWriteResult, ExecuteArticleCommand } from './execute-article.command';

export const streamIdOf = (articleId: string) => `article-${articleId}`;

@CommandHandler(ExecuteArticleCommand)
export class ExecuteArticleHandler implements ICommandHandler<ExecuteArticleCommand> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: EventStore,
  ) {}

  async execute({ input, ctx, successStatus, extra }: ExecuteArticleCommand): Promise<ArticleWriteResult['body']> {
    const actor = actorOf(ctx.user);
    const now = new Date().toISOString();
    const commandId = randomUUID();
    // A JSON round trip drops the undefined keys DTO instances carry, so "absent" never reads as "cleared".
    const data = JSON.parse(JSON.stringify(input.data ?? {}));
    const command = { ...input, data, metadata: { actor, now } } as ArticleCommand;
    const outcome = await handleCommand(
      this.ds,
      this.store,
      articleDecider,
      {
        streamId: streamIdOf(input.articleId),
        command,
        metadata: { actor: { id: actor.id, name: actor.name, role: actor.role }, commandId, correlationId: ctx.correlationId, causationId: commandId },
        now,
        expectedVersion: ctx.ifMatch,
        idempotency: ctx.idempotencyKey ? { actorId: actor.id, key: ctx.idempotencyKey, requestHash: ctx.requestHash } : undefined,
      },
      ({ version }) => ({ statusCode: successStatus, body: { id: input.articleId, version, ...extra } }),
    );
    const result = (outcome.replayed ?? {
      statusCode: successStatus,
      body: { id: input.articleId, version: outcome.version, ...extra },
    }) as ArticleWriteResult;
    ctx.setStatus(result.statusCode);
    ctx.setHeader('ETag', `"${result.body.version}"`);
    if (result.statusCode === 201) ctx.setHeader('Location', `/api/articles/${result.body.id}`);
    return result.body;
  }
}
