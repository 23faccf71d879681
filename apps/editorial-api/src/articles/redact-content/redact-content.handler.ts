import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { RedactionAnswer } from '@newsroom/contracts';
import { actorOf } from '../shared/actor';
import { RedactContentCommand } from './redact-content.command';
import { RedactionRunner } from './redaction.runner';

@CommandHandler(RedactContentCommand)
export class RedactContentHandler implements ICommandHandler<RedactContentCommand> {
  constructor(private readonly runner: RedactionRunner) {}

  execute({ articleId, action, request }: RedactContentCommand): Promise<RedactionAnswer> {
    const { correlationId, ifMatch: expectedVersion } = request;
    return this.runner.run(articleId, action, actorOf(request.user), { correlationId, expectedVersion });
  }
}
