import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from './actor';
import { ArticleCommandRunner } from './article-command.runner';
import { ArticleWriteResult, ExecuteArticleCommand } from './execute-article.command';

@CommandHandler(ExecuteArticleCommand)
export class ExecuteArticleHandler implements ICommandHandler<ExecuteArticleCommand> {
  constructor(private readonly runner: ArticleCommandRunner) {}

  async execute({ input, ctx, successStatus, extra }: ExecuteArticleCommand): Promise<ArticleWriteResult['body']> {
    const respond = (version: number) => ({
      statusCode: successStatus,
      body: { id: input.articleId, version, ...extra },
    });
    const outcome = await this.runner.run(input, actorOf(ctx.user), {
      expectedVersion: ctx.ifMatch,
      idempotency: ctx.idempotencyKey ? { key: ctx.idempotencyKey, requestHash: ctx.requestHash } : undefined,
      correlationId: ctx.correlationId,
      respond,
    });
    const result = (outcome.replayed ?? respond(outcome.version)) as ArticleWriteResult;
    ctx.setStatus(result.statusCode);
    ctx.setHeader('ETag', `"${result.body.version}"`);
    if (result.statusCode === 201) ctx.setHeader('Location', `/api/articles/${result.body.id}`);
    return result.body;
  }
}
