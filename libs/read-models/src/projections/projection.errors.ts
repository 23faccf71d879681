/**
 * The event is not the next one of its article: an earlier one has not been projected yet.
 * The runner holds the article back (and retries) rather than skipping ahead.
 */
export class VersionGap extends Error {
  constructor(
    readonly articleId: string,
    /** The version that would come next: the row's version + 1, or 1 for an unseen article. */
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Article ${articleId}: expected event version ${expected}, got ${actual}`);
    this.name = 'VersionGap';
  }
}

/** The event can never be projected by this build (unknown type, newer schema, wrong article): dead-letter it. */
export class UnprojectableEvent extends Error {
  readonly eventId: string;
  readonly articleId: string;
  readonly version: number;

  constructor(
    event: { eventId: string; articleId: string; version: number },
    readonly reason: string,
  ) {
    super(`Cannot project event ${event.eventId} (article ${event.articleId}, version ${event.version}): ${reason}`);
    this.name = 'UnprojectableEvent';
    this.eventId = event.eventId;
    this.articleId = event.articleId;
    this.version = event.version;
  }
}
