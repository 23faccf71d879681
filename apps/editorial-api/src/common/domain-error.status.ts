import type { DomainError, DomainErrorCode } from '@newsroom/editorial-domain';

const STATUS: Record<DomainErrorCode, number> = {
  ARTICLE_NOT_FOUND: 404,
  CONTRIBUTOR_NOT_FOUND: 404,
  PHOTO_NOT_FOUND: 404,
  CONTRIBUTION_NOT_FOUND: 404,
  REDACTION_NOT_FOUND: 404,
  ARTICLE_ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  NOTHING_TO_PUBLISH: 409,
  EMBARGO_NOT_REACHED: 409,
  PHOTO_IN_USE: 409,
  DUPLICATE_CONTRIBUTOR: 409,
  CONTRIBUTION_ALREADY_EXISTS: 409,
  CONTRIBUTION_ALREADY_MERGED: 409,
  // Plaintext fields need the heavier route (erasure in place): the order cannot run as asked, yet.
  REDACTION_NEEDS_ERASURE: 409,
  REDACTION_PASSAGE_UNREADABLE: 409,
  FORBIDDEN: 403,
  VALIDATION_FAILED: 400,
  PASSAGE_NOT_FOUND: 400,
};

export function domainErrorStatus(err: DomainError): number {
  return STATUS[err.code];
}
