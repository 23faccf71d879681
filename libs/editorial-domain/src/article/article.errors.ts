import { DomainError, InvalidTransition } from '../shared/domain-error';
import type { ValidationIssue } from '../shared/validation';
import type { ContributorRole } from './article.content';
import type { ArticleStatus } from './article.state';

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

/** The contribution is already part of the article: merging it again would duplicate its text. */
export class ContributionAlreadyMerged extends DomainError<{ contributionId: string }> {
  readonly code = 'CONTRIBUTION_ALREADY_MERGED';
  declare readonly contributionId: string;
  constructor(contributionId: string) {
    super(`Contribution ${contributionId} is already merged into the article`, { contributionId });
  }
}

/** A redaction of text the article does not hold: refused, naming the passage field (400). */
export class PassageNotFound extends DomainError<{ details: ValidationIssue[] }> {
  readonly code = 'PASSAGE_NOT_FOUND';
  declare readonly details: ValidationIssue[];
  constructor() {
    const details = [{ path: 'passage', message: 'does not occur in any version of the article' }];
    super('Invalid input: passage does not occur in any version of the article', { details });
  }
}

/** No redaction under this id waits for a decision (never requested, or already decided). */
export class RedactionNotFound extends DomainError<{ redactionId: string }> {
  readonly code = 'REDACTION_NOT_FOUND';
  declare readonly redactionId: string;
  constructor(redactionId: string) {
    super(`No redaction ${redactionId} is waiting for a decision on this article`, { redactionId });
  }
}

/**
 * The passage is in fields stored in plaintext before encryption, and one of them cannot be erased
 * in place now (the heavier route, docs/redaction.md): typically an event not yet relayed, whose
 * consumers would refuse it erased. Thrown by the caller that erases; nothing was changed.
 */
export class RedactionNeedsErasure extends DomainError<{ plaintextFields: number; route: string; why: string }> {
  readonly code = 'REDACTION_NEEDS_ERASURE';
  declare readonly plaintextFields: number;
  declare readonly route: string;
  declare readonly why: string;
  constructor(plaintextFields: number, why: string) {
    super(
      `The passage occurs in ${plaintextFields} field(s) stored in plaintext before encryption, which must be ` +
        `erased in place, and that cannot be done now: ${why}. Nothing was changed; try again shortly`,
      { plaintextFields, route: 'erase-plaintext', why },
    );
  }
}

/** A pending redaction whose own passage another redaction made unreadable: decline it and ask again. */
export class RedactionPassageUnreadable extends DomainError<{ redactionId: string }> {
  readonly code = 'REDACTION_PASSAGE_UNREADABLE';
  declare readonly redactionId: string;
  constructor(redactionId: string) {
    super(
      `The passage of redaction ${redactionId} was itself redacted by another order; decline it and request it again`,
      { redactionId },
    );
  }
}
