import type { ValidationIssue } from './validation';

/** Every refusal code of every aggregate; the API maps each to an HTTP status in one table. */
export type DomainErrorCode =
  | 'ARTICLE_NOT_FOUND'
  | 'ARTICLE_ALREADY_EXISTS'
  | 'INVALID_TRANSITION'
  | 'NOTHING_TO_PUBLISH'
  | 'FORBIDDEN'
  | 'VALIDATION_FAILED'
  | 'CONTRIBUTOR_NOT_FOUND'
  | 'PHOTO_NOT_FOUND'
  | 'EMBARGO_NOT_REACHED'
  | 'PHOTO_IN_USE'
  | 'DUPLICATE_CONTRIBUTOR'
  | 'CONTRIBUTION_NOT_FOUND'
  | 'CONTRIBUTION_ALREADY_EXISTS'
  | 'CONTRIBUTION_ALREADY_MERGED'
  | 'PASSAGE_NOT_FOUND'
  | 'REDACTION_NOT_FOUND'
  | 'REDACTION_NEEDS_ERASURE'
  | 'REDACTION_PASSAGE_UNREADABLE';

/**
 * A refusal by the domain. `code` is stable for clients; `data` holds the same facts as the
 * error's own fields, plain and HTTP-agnostic, for the edge to map (404, 409, 403, 400...).
 */
export abstract class DomainError<Data extends object = object> extends Error {
  abstract readonly code: DomainErrorCode;
  readonly data: Data;

  protected constructor(message: string, data: Data) {
    super(message);
    this.name = new.target.name;
    this.data = data;
    // Fields are also set on the error itself so callers can write `error.currentStatus`.
    Object.assign(this, data);
  }
}

type TransitionData = { currentStatus: string; command: string; allowedFrom: string[] };

/** A command the aggregate's workflow does not allow in its current status (an article's, a contribution's). */
export class InvalidTransition<Extra extends object = object> extends DomainError<TransitionData & Extra> {
  readonly code: 'INVALID_TRANSITION' | 'NOTHING_TO_PUBLISH' = 'INVALID_TRANSITION';
  declare readonly currentStatus: string;
  declare readonly command: string;
  declare readonly allowedFrom: string[];
  constructor(data: TransitionData & Extra, message?: string, aggregate = 'article') {
    super(
      message ??
        `Cannot ${data.command} while the ${aggregate} is ${data.currentStatus}; ` +
          `allowed from: ${data.allowedFrom.join(', ')}`,
      data,
    );
  }
}

export class Forbidden extends DomainError<{ role: string; command: string; reason: string }> {
  readonly code = 'FORBIDDEN';
  declare readonly role: string;
  declare readonly command: string;
  declare readonly reason: string;
  constructor(role: string, command: string, reason: string) {
    super(`A ${role} may not ${command}: ${reason}`, { role, command, reason });
  }
}

export class ValidationFailed extends DomainError<{ details: ValidationIssue[] }> {
  readonly code = 'VALIDATION_FAILED';
  declare readonly details: ValidationIssue[];
  constructor(details: ValidationIssue[]) {
    super(`Invalid input: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, { details });
  }
}

/** Not a refusal but a broken stream: events arrived in an order decide could never have produced. */
export class InvalidEventSequence extends Error {
  constructor(
    readonly eventType: string,
    readonly currentStatus: string,
    aggregate = 'article',
  ) {
    super(`Cannot apply ${eventType} to an ${aggregate} whose status is ${currentStatus}`);
    this.name = 'InvalidEventSequence';
  }
}
