/** Codes of the domain's refusals a client can act on; stable across releases. */
export const REFUSAL_CODES = [
  'ARTICLE_NOT_FOUND',
  'ARTICLE_ALREADY_EXISTS',
  'INVALID_TRANSITION',
  'NOTHING_TO_PUBLISH',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'CONTRIBUTOR_NOT_FOUND',
  'PHOTO_NOT_FOUND',
  'EMBARGO_NOT_REACHED',
  'PHOTO_IN_USE',
  'DUPLICATE_CONTRIBUTOR',
  'CONTRIBUTION_NOT_FOUND',
  'CONTRIBUTION_ALREADY_EXISTS',
  'CONTRIBUTION_ALREADY_MERGED',
  'PASSAGE_NOT_FOUND',
  'REDACTION_NOT_FOUND',
  'REDACTION_NEEDS_ERASURE',
  'REDACTION_PASSAGE_UNREADABLE',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The service cannot answer now; the same request may succeed later (503 with Retry-After). */
export const UNAVAILABLE_CODES = ['DATABASE_UNAVAILABLE'] as const;

export const ERROR_CODES = [...REFUSAL_CODES, ...UNAVAILABLE_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with the input, addressed by its path (`body[3].text`, `photos[0].url`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error body of the API, whatever the status. */
export interface ErrorBody {
  statusCode: number;
  /** The status as words: "Conflict", "Precondition Failed". */
  error: string;
  message: string;
  /** Set for domain refusals; the facts of the refusal come beside it (`currentStatus`, `allowedFrom`, …). */
  code?: ErrorCode;
  details?: ErrorDetail[];
  [fact: string]: unknown;
}
