/** Another rebuild of this read model holds its lock; the API answers 409. */
export class RebuildInProgress extends Error {
  constructor(readonly readModel: string) {
    super(`A rebuild of ${readModel} is already running`);
    this.name = 'RebuildInProgress';
  }
}

/** Not one of READ_MODELS (nor `all` where that is accepted); the API answers 404. */
export class UnknownReadModel extends Error {
  constructor(readonly readModel: string) {
    super(`Unknown read model "${readModel}"`);
    this.name = 'UnknownReadModel';
  }
}

/**
 * An event whose `prevHash` is not the hash of the article's last event this read model applied:
 * a message from another chain, a replayed or reordered one, or a forgery. Parked like any
 * unappliable event; it holds back only its article.
 */
export class OutOfChain extends Error {
  constructor(e: { articleId: string; version: number; prevHash: string }, expected: string | null) {
    const short = (h: string | null) => (h === null ? 'unknown' : `${h.slice(0, 12)}…`);
    super(
      `article ${e.articleId} version ${e.version} links to ${short(e.prevHash)}, ` +
        `not to the last applied event ${short(expected)}`,
    );
    this.name = 'OutOfChain';
  }
}

/** The schema lacks the read-model tables: the operator has to run the migrations first. */
export class ReadModelsNotMigrated extends Error {}

const MAX_REASON_LENGTH = 1000;

/** "Name: message", one line, bounded, with no NUL (PostgreSQL text and Kafka headers refuse it). */
export function describeError(err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const name = e.name && e.name !== 'Error' ? e.name : (e.constructor?.name ?? 'Error');
  return `${name}: ${e.message}`.replace(/\0/g, '\\0').replace(/\s+/g, ' ').slice(0, MAX_REASON_LENGTH);
}

/**
 * PostgreSQL refused the data itself (SQLSTATE class 22 data exception, 23 integrity violation):
 * the same write fails on every retry, so the runner isolates and parks it instead of looping.
 * Anything else (connection lost, deadlock, lock timeout) is worth retrying.
 */
export function isDataError(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
