import { Command } from '@nestjs/cqrs';
import type { ArticleCommand } from '@newsroom/editorial-domain';
import type { WriteContext } from './write-context';

/** `data` is the validated request body; the decider checks its finer rules (block kinds, references). */
export type ArticleCommandInput = { type: ArticleCommand['type']; articleId: string; data: object };

export interface ArticleWriteResult {
  statusCode: number;
  body: { id: string; version: number; [extra: string]: unknown };
}

/** Every article use case reaches the event store through this one command. */
export class ExecuteArticleCommand extends Command<ArticleWriteResult['body']> {
  constructor(
    readonly input: ArticleCommandInput,
    readonly ctx: WriteContext,
    /** 201 for creations, 200 otherwise. */
    readonly successStatus = 200,
    /** Ids the server minted for this request (contributorId, photoId) to return to the client. */
    readonly extra: Record<string, string> = {},
  ) {
    super();
  }
}
