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
      return await ds.transaction(async (m) => {
        // 1. Serialise requests sharing an Idempotency-Key and replay a finished one.
        if (env.idempotency) {
          const { actorId, key, requestHash } = env.idempotency;
          await m.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [actorId, key]);
          const [prior] = await m.query(
            `SELECT request_hash, status_code, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
            [actorId, key],
          );
          if (prior) {
            if (prior.request_hash !== requestHash) throw new IdempotencyKeyReused(key);
            const replayed = { statusCode: prior.status_code, body: prior.response };
            return { state: decider.initialState, version: -1, appended: [], replayed };
          }
        }
        // 2. Load the stream and fold it into the current state.
        const history = await store.readStream(env.streamId, { manager: m });
        const head = history.at(-1) ?? null;
        const currentVersion = head?.version ?? 0;
        if (env.expectedVersion !== undefined && env.expectedVersion !== currentVersion) {
          throw new ConcurrencyConflict(env.streamId, env.expectedVersion, currentVersion);
        }
        const state = foldEvents(decider, history);
        // 3. Decide: a refusal throws and the transaction stores nothing.
        const events = decider.decide(env.command, state);
        // 4. Append events + outbox rows, then the idempotency record, in this one transaction.
        const appended = await store.append(m, env.streamId, head, events, env.metadata, env.now);
        const next = appended.reduce(
          (s, e) => decider.evolve(s, { type: e.type, data: e.data } as E, { occurredAt: e.occurredAt, actor: e.metadata.actor }),
          state,
        );
        const version = appended.at(-1)?.version ?? currentVersion;
        if (env.idempotency) {
          const r = respond({ state: next, version });
          await m.query(
            `INSERT INTO idempotency_keys (actor_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)`,
            [env.idempotency.actorId, env.idempotency.key, env.idempotency.requestHash, r.statusCode, JSON.stringify(r.body)],
          );
        }
        return { state: next, version, appended };
      });
    } catch (err) {
      if (!isUniqueViolation(err, 'events_stream_version')) throw err;
      // 5. Someone appended first. With If-Match that is the client's conflict; without, re-decide.
      if (env.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        const latest = await store.readStream(env.streamId);
        throw new ConcurrencyConflict(env.streamId, env.expectedVersion ?? -1, latest.at(-1)?.version ?? 0);
      }
    }
  }
}
