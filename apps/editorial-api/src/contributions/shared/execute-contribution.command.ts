import { Command } from '@nestjs/cqrs';
import type { WriteRequest } from '../../articles/shared/write-request';
import type { ContributionCommandInput, ContributionWriteAnswer } from './contribution-command.runner';

/** Every contribution use case reaches the event store through this one command. */
export class ExecuteContributionCommand extends Command<ContributionWriteAnswer> {
  constructor(
    readonly input: ContributionCommandInput,
    readonly request: WriteRequest,
  ) {
    super();
  }
}
