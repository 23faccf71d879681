import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '../../articles/shared/actor';
import { ContributionCommandRunner, ContributionWriteAnswer } from './contribution-command.runner';
import { ExecuteContributionCommand } from './execute-contribution.command';

@CommandHandler(ExecuteContributionCommand)
export class ExecuteContributionHandler implements ICommandHandler<ExecuteContributionCommand> {
  constructor(private readonly runner: ContributionCommandRunner) {}

  async execute({ input, request }: ExecuteContributionCommand): Promise<ContributionWriteAnswer> {
    const outcome = await this.runner.run(input, actorOf(request.user), {
      expectedVersion: request.ifMatch,
      idempotency: request.idempotency,
      correlationId: request.correlationId,
    });
    return outcome.answer;
  }
}
