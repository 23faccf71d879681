/** Someone who acted on a redaction order. */
export interface RedactionActor {
  id: string;
  name: string;
}

export type RedactionStatus = 'pending' | 'redacted' | 'declined';

/**
 * One legal redaction order of an article (issue #12), as `GET /api/articles/:id/redactions`
 * lists them: who asked and decided, when and why. Never the passage: an order that named it
 * would publish what it removes.
 */
export interface RedactionOrderView {
  redactionId: string;
  status: RedactionStatus;
  reason: string;
  legalBasis: string;
  reference: string;
  requestedBy: RedactionActor;
  requestedAt: string;
  /** Who let it take effect (the requester too without four-eyes); null while pending or declined. */
  confirmedBy: RedactionActor | null;
  redactedAt: string | null;
  declinedBy: RedactionActor | null;
  declinedAt: string | null;
  /** How many stored fields it made unreadable (keys destroyed, or erased in place). */
  fields: number;
}

/** What a redaction write answers: the order, where it stands, and the article's new version. */
export interface RedactionAnswer {
  id: string;
  version: number;
  redactionId: string;
  status: RedactionStatus;
}
