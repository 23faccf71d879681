import { createHash } from 'node:crypto';
import { canonicalJson } from './hash-chain';

/**
 * Idempotency keys, in one place. A client that retries a request with the same Idempotency-Key
 * gets the first answer again and nothing is appended twice; the same key with a different request
 * is refused. The store keeps the answer as an opaque JSON value: what it means (a status code, a
 * Location) is for the caller to say again when it replays it.
 */
export interface IdempotencyKey {
  /** Keys are per actor: two users may pick the same key. */
  actorId: string;
  key: string;
  /** Fingerprint of the request, from `requestHash`: a reused key must come with the same request. */
  requestHash: string;
  /**
   * The fingerprint the same request had under an earlier rule (its raw path, before paths were
   * made canonical), so that a retry of a request recorded before the change is still a retry.
   */
  legacyRequestHash?: string;
}

/** How long a key holds its answer when the store is not told otherwise: a day. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What the store recorded for a key, in the same transaction as the events. */
export interface RecordedAnswer {
  requestHash: string;
  answer: unknown;
}

/** The key was already used with a different request. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request`);
  }
}

/**
 * Thrown by a store's append when the key was recorded meanwhile by a twin request; nothing of the
 * append was stored, and `handleCommand` replays the twin's answer.
 */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was recorded by a concurrent request`);
  }
}

/** The fingerprint of a request: its target (e.g. `POST /api/articles`) and its body as canonical JSON. */
export function requestHash(target: string, body: unknown): string {
  return createHash('sha256')
    .update(`${target}\n${canonicalJson(body ?? {})}`)
    .digest('hex');
}

/**
 * The answer recorded under `key`, or undefined when the key is new. `A` is the type the caller
 * stored under it: a key only ever comes back with the same request, hence from the same caller.
 */
export async function priorAnswer<A>(
  recall: (key: IdempotencyKey) => Promise<RecordedAnswer | undefined>,
  key: IdempotencyKey,
): Promise<A | undefined> {
  const prior = await recall(key);
  if (!prior) return undefined;
  const same = prior.requestHash === key.requestHash || prior.requestHash === key.legacyRequestHash;
  if (!same) throw new IdempotencyKeyReused(key.key);
  return prior.answer as A;
}
