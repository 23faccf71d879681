import type { ArticleCommandType } from './article.commands';
import type { ContributorRole } from './article.content';
import type { ArticleStatus } from './article.state';
import type { ValidationIssue } from './article.validation';

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
  | 'DUPLICATE_CONTRIBUTOR';

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

export class ArticleNotFound extends DomainError<{ articleId: string }> {
  readonly code = 'ARTICLE_NOT_FOUND';
  declare readonly articleId: string;
  constructor(articleId: string) {
    super(`Article ${articleId} does not exist`, { articleId });
  }
}

export class ArticleAlreadyExists extends DomainError<{ articleId: string }> {
  readonly code = 'ARTICLE_ALREADY_EXISTS';
  declare readonly articleId: string;
  constructor(articleId: string) {
    super(`Article ${articleId} already exists`, { articleId });
  }
}

type TransitionData = { currentStatus: ArticleStatus; command: ArticleCommandType; allowedFrom: ArticleStatus[] };

export class InvalidTransition<Extra extends object = object> extends DomainError<TransitionData & Extra> {
  readonly code: 'INVALID_TRANSITION' | 'NOTHING_TO_PUBLISH' = 'INVALID_TRANSITION';
  declare readonly currentStatus: ArticleStatus;
  declare readonly command: ArticleCommandType;
  declare readonly allowedFrom: ArticleStatus[];
  constructor(data: TransitionData & Extra, message?: string) {
    super(
      message ??
        `Cannot ${data.command} while the article is ${data.currentStatus}; ` +
          `allowed from: ${data.allowedFrom.join(', ')}`,
      data,
    );
  }
}

/** Publishing a published article whose working copy equals what is live would be an empty update. */
export class NothingToPublish extends InvalidTransition<{ liveVersion: number }> {
  override readonly code = 'NOTHING_TO_PUBLISH';
  declare readonly liveVersion: number;
  constructor(liveVersion: number, allowedFrom: ArticleStatus[]) {
    super(
      { currentStatus: 'published', command: 'PublishArticle', allowedFrom, liveVersion },
      `Cannot PublishArticle: the working copy is identical to live version ${liveVersion}; ` +
        'there is nothing to publish',
    );
  }
}

export class Forbidden extends DomainError<{ role: string; command: ArticleCommandType; reason: string }> {
  readonly code = 'FORBIDDEN';
  declare readonly role: string;
  declare readonly command: ArticleCommandType;
  declare readonly reason: string;
  constructor(role: string, command: ArticleCommandType, reason: string) {
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

export class ContributorNotFound extends DomainError<{ contributorId: string }> {
  readonly code = 'CONTRIBUTOR_NOT_FOUND';
  declare readonly contributorId: string;
  constructor(contributorId: string) {
    super(`Contributor ${contributorId} is not on the article`, { contributorId });
  }
}

export class PhotoNotFound extends DomainError<{ photoId: string }> {
  readonly code = 'PHOTO_NOT_FOUND';
  declare readonly photoId: string;
  constructor(photoId: string) {
    super(`Photo ${photoId} is not attached to the article`, { photoId });
  }
}

export class EmbargoNotReached extends DomainError<{ embargoUntil: string; attemptedAt: string }> {
  readonly code = 'EMBARGO_NOT_REACHED';
  declare readonly embargoUntil: string;
  declare readonly attemptedAt: string;
  constructor(embargoUntil: string, attemptedAt: string) {
    super(`The article is under embargo until ${embargoUntil}; it cannot go live at ${attemptedAt}`, {
      embargoUntil,
      attemptedAt,
    });
  }
}

export class PhotoInUse extends DomainError<{ photoId: string; blockIndexes: number[] }> {
  readonly code = 'PHOTO_IN_USE';
  declare readonly photoId: string;
  declare readonly blockIndexes: number[];
  constructor(photoId: string, blockIndexes: number[]) {
    const where = blockIndexes.map((i) => `body[${i}]`).join(', ');
    super(`Photo ${photoId} is used in the body at ${where}; remove those blocks before detaching it`, {
      photoId,
      blockIndexes,
    });
  }
}

// The person's name travels as `contributorName`: a `name` field would overwrite Error#name.
export class DuplicateContributor extends DomainError<{
  contributorId: string;
  contributorName: string;
  role: ContributorRole;
}> {
  readonly code = 'DUPLICATE_CONTRIBUTOR';
  declare readonly contributorId: string;
  declare readonly contributorName: string;
  declare readonly role: ContributorRole;
  constructor(contributorId: string, contributorName: string, role: ContributorRole) {
    super(`${contributorName} is already credited as ${role} (contributor ${contributorId})`, {
      contributorId,
      contributorName,
      role,
    });
  }
}

/** Not a refusal but a broken stream: events arrived in an order decide could never have produced. */
export class InvalidEventSequence extends Error {
  constructor(
    readonly eventType: string,
    readonly currentStatus: string,
  ) {
    super(`Cannot apply ${eventType} to an article whose status is ${currentStatus}`);
    this.name = 'InvalidEventSequence';
  }
}
