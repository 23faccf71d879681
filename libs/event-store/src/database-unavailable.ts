/**
 * A lost PostgreSQL connection is the database being unavailable, not a fault of the request: a
 * failover, a restart or an administrator's `pg_terminate_backend` ends every session at once.
 * Callers answer it as "try again shortly" (503 with Retry-After) and may retry once on a fresh
 * connection when the work is safe to repeat.
 */

// SQLSTATE class 08 (connection exception) and the shutdowns of class 57P, plus too_many_connections.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);
// What pg says without a code when the socket closes or the pool cannot connect in time.
const LOST_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'terminating connection',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
    'Client was closed and is not queryable',
    'Connection is not open',
    'connection timeout',
    // TypeORM, when a transaction's connection died under it: the runner released itself on the
    // socket's error, and the transaction's next statement finds it released.
    'query runner (was )?already released',
  ].join('|'),
  'i',
);

/** True when `err` (a pg, TypeORM or network error, or one wrapping it) says the connection was lost or refused. */
export function isConnectionLost(err: unknown): boolean {
  for (let e = err as any, depth = 0; e && depth < 4; e = e.driverError ?? e.cause, depth++) {
    if (e instanceof DatabaseUnavailable) return true;
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) return true;
    if (typeof e.message === 'string' && LOST_MESSAGES.test(e.message)) return true;
    // An AggregateError: a dual-stack connect that failed on every address.
    if (Array.isArray(e.errors) && e.errors.some(isConnectionLost)) return true;
  }
  return false;
}

/** The database could not be reached or dropped the connection; nothing of the failed statement is known stored. */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super(`The database is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * The connection died while an append was on its way: it may have committed or not. The ids of the
 * events it carried tell, on a fresh connection, whether it did.
 */
export class AppendOutcomeUnknown extends DatabaseUnavailable {
  constructor(
    cause: unknown,
    readonly eventIds: readonly string[],
  ) {
    super(cause);
  }
}

/** `err` as DatabaseUnavailable when it is a lost connection, unchanged otherwise. */
export function unavailableOr(err: unknown): unknown {
  return !(err instanceof DatabaseUnavailable) && isConnectionLost(err) ? new DatabaseUnavailable(err) : err;
}

/** How long a retry waits: the pool has then seen its dead idle connections close and dropped them. */
export const RETRY_DELAY_MS = 100;

/**
 * Runs `work`, and once more on a lost connection (the pool hands out a fresh one). Only for work
 * that is safe to repeat: reads, or writes whose repetition is harmless.
 */
export async function retryOnceIfUnavailable<T>(work: () => Promise<T>, delayMs = RETRY_DELAY_MS): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isConnectionLost(err)) throw err;
    await new Promise((r) => setTimeout(r, delayMs));
    return work();
  }
}
