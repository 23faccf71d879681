/** Another append reached this stream version first: the client's If-Match is stale, or retries ran out. */
export class ConcurrencyConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${currentVersion}, expected ${expectedVersion}`);
  }
}

/**
 * An append lost a race: another append stored `version` of the stream between the read of its head
 * and this write. Nothing of the losing append was stored; `handleCommand` re-decides or reports a conflict.
 */
export class StreamVersionTaken extends Error {
  constructor(
    readonly streamId: string,
    readonly version: number,
  ) {
    super(`Version ${version} of stream ${streamId} was appended by someone else`);
  }
}
