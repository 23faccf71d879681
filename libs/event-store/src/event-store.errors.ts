/** Another append reached this stream version first. */
export class ConcurrencyConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${currentVersion}, expected ${expectedVersion}`);
  }
}

/** The same Idempotency-Key was already used with a different request. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request`);
  }
}

/** The same Idempotency-Key was already used by an identical request: replay its response. */
export class IdempotentReplay extends Error {
  constructor(readonly response: { statusCode: number; body: unknown }) {
    super('Replayed idempotent response');
  }
}
