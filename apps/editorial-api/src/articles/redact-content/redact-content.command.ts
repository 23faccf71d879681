import { Command } from '@nestjs/cqrs';
import type { RedactionAnswer } from '@newsroom/contracts';
import type { WriteRequest } from '../shared/write-request';
import type { RedactionAction } from './redaction.runner';

/** A legal redaction order, its confirmation or its refusal (issue #12). */
export class RedactContentCommand extends Command<RedactionAnswer> {
  constructor(
    readonly articleId: string,
    readonly action: RedactionAction,
    readonly request: WriteRequest,
  ) {
    super();
  }
}
