import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from './actor';
import { ArticleCommandRunner, ArticleWriteAnswer, MintedIds } from './article-command.runner';
import { ExecuteArticleCommand } from './execute-article.command';

/** Answers `{ id, version, ...minted }`, the first answer again on a retry; HTTP is the controller's business. */
@CommandHandler(ExecuteArticleCommand)
export class ExecuteArticleHandler implements ICommandHandler<ExecuteArticleCommand> {
  constructor(private readonly runner: ArticleCommandRunner) {}

  async execute<M extends MintedIds>({
    input,
    request,
    minted,
  }: ExecuteArticleCommand<M>): Promise<ArticleWriteAnswer<M>> {
    const outcome = await this.runner.run(input, actorOf(request.user), {
      minted,
      expectedVersion: request.ifMatch,
      idempotency: request.idempotency,
      correlationId: request.correlationId,
    });
    return outcome.answer;
  }
}
