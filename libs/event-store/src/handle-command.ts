import { DataSource } from 'typeorm';
import { EventStore, isUniqueViolation } from './event-store';
import { ConcurrencyConflict, IdempotencyKeyReused } from './event-store.errors';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';

export interface Decider<C, S, E extends NewEvent> {
  initialState: S;
  evolve(state: S, event: E, meta: { occurredAt: string; actor?: { id: string; name: string } }): S;
  decide(command: C, state: S): E[];
}

export interface CommandEnvelope<C> {
  streamId: string;
  command: C;
  metadata: EventMetadata;
  now: string;
  /** From If-Match: a mismatch is a conflict, never retried. */
  expectedVersion?: number;
  idempotency?: { actorId: string; key: string; requestHash: string };
}

export interface CommandOutcome<S> {
  state: S;
  version: number;
  appended: StoredEvent[];
  /** Set when an identical earlier request is being replayed; nothing was appended. */
  replayed?: { statusCode: number; body: unknown };
}

const MAX_ATTEMPTS = 20;

export function foldEvents<C, S, E extends NewEvent>(d: Decider<C, S, E>, events: StoredEvent[]): S {
  return events.reduce(
    (s, e) => d.evolve(s, { type: e.type, data: e.data } as E, { occurredAt: e.occurredAt, actor: e.metadata.actor }),
    d.initialState,
  );
}

/**
 * The write pipeline. `respond` builds the success body, stored with the idempotency record so a
 * retried request gets exactly the first answer.
 */
export async function handleCommand<C, S, E extends NewEvent>(
  ds: DataSource,
  store: EventStore,
  decider: Decider<C, S, E>,
  env: CommandEnvelope<C>,
  respond: (outcome: { state: S; version: number }) => { statusCode: number; body: unknown },
): Promise<CommandOutcome<S>> {
  for (let attempt = 1; ; attempt++) {
    try {
      // 1. A request that already ran under this Idempotency-Key gets its first answer again.
      const replayed = await priorResponse(ds, env);
      if (replayed) return { state: decider.initialState, version: -1, appended: [], replayed };
      // 2. Load the stream and fold it into the current state.
      const history = await store.readStream(env.streamId);
      const head = history.at(-1) ?? null;
      const currentVersion = head?.version ?? 0;
      if (env.expectedVersion !== undefined && env.expectedVersion !== currentVersion) {
        throw new ConcurrencyConflict(env.streamId, env.expectedVersion, currentVersion);
      }
      const state = foldEvents(decider, history);
      // 3. Decide: a refusal throws before anything is written.
      const events = decider.decide(env.command, state);
      const meta = { occurredAt: env.now, actor: env.metadata.actor };
      const next = events.reduce((s, e) => decider.evolve(s, e, meta), state);
      const version = currentVersion + events.length;
      // 4. Events, outbox rows and the idempotency record in ONE statement: atomic on its own, and
      //    two round trips fewer than BEGIN/COMMIT (system calls are what this path spends most on).
      const record = env.idempotency && { ...env.idempotency, ...respond({ state: next, version }) };
      const appended = await store.append(ds.manager, env.streamId, head, events, env.metadata, env.now, record);
      return { state: next, version, appended };
    } catch (err) {
      // 5. A twin request with the same Idempotency-Key finished first: loop to replay its answer.
      if (env.idempotency && isUniqueViolation(err) && (await priorResponse(ds, env))) continue;
      if (!isUniqueViolation(err, 'events_stream_version')) throw err;
      // 6. Someone appended first. With If-Match that is the client's conflict; without, re-decide.
      if (env.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        const latest = await store.readStream(env.streamId);
        throw new ConcurrencyConflict(env.streamId, env.expectedVersion ?? -1, latest.at(-1)?.version ?? 0);
      }
    }
  }
}

async function priorResponse<C>(
  ds: DataSource,
  env: CommandEnvelope<C>,
): Promise<{ statusCode: number; body: unknown } | undefined> {
  if (!env.idempotency) return undefined;
  const { actorId, key, requestHash } = env.idempotency;
  const [prior] = await ds.query(
    `SELECT request_hash, status_code, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
    [actorId, key],
  );
  if (!prior) return undefined;
  if (prior.request_hash !== requestHash) throw new IdempotencyKeyReused(key);
  return { statusCode: prior.status_code, body: prior.response };
}
