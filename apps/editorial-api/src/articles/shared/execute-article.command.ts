import { Command } from '@nestjs/cqrs';
import type { ArticleCommandInput, ArticleWriteAnswer, MintedIds, NoMintedIds } from './article-command.runner';
import type { WriteRequest } from './write-request';

/**
 * Every article use case reaches the event store through this one command, typed on the domain's
 * command data (`{ type: 'AttachPhoto', data: Photo }`); the decider checks its finer rules.
 */
export class ExecuteArticleCommand<M extends MintedIds = NoMintedIds> extends Command<ArticleWriteAnswer<M>> {
  constructor(
    readonly input: ArticleCommandInput,
    readonly request: WriteRequest,
    /** Ids the server minted for this request, to answer beside the version. */
    readonly minted: M = {} as M,
  ) {
    super();
  }
}
