import { AppendOutcomeUnknown, DatabaseUnavailable, RETRY_DELAY_MS } from './database-unavailable';
import { ConcurrencyConflict, StreamVersionTaken } from './event-store.errors';
import { EventStore } from './event-store.port';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { IdempotencyKey, IdempotencyKeyTaken, priorAnswer } from './idempotency';

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
  idempotency?: IdempotencyKey;
}

export interface CommandOutcome<A> {
  /** The caller's answer: built now by `answerOf`, or the first one when `replayed`. */
  answer: A;
  /** An identical earlier request under the same idempotency key already ran; nothing was appended now. */
  replayed: boolean;
  /** The events this call appended; none on a replay. */
  appended: StoredEvent[];
}

const MAX_ATTEMPTS = 20;

export function foldEvents<C, S, E extends NewEvent>(d: Decider<C, S, E>, events: StoredEvent[]): S {
  return events.reduce(
    (s, e) => d.evolve(s, { type: e.type, data: e.data } as E, { occurredAt: e.occurredAt, actor: e.metadata.actor }),
    d.initialState,
  );
}

/**
 * The write pipeline. `answerOf` builds what the caller answers after a success; it is stored with
 * the idempotency record so a retried request gets exactly the first answer.
 */
export async function handleCommand<C, S, E extends NewEvent, A>(
  store: EventStore,
  decider: Decider<C, S, E>,
  env: CommandEnvelope<C>,
  answerOf: (outcome: { state: S; version: number }) => A,
): Promise<CommandOutcome<A>> {
  const replay = async () => env.idempotency && (await priorAnswer<A>((k) => store.recall(k), env.idempotency));
  // An append cut off by a lost connection: these events may be stored. Its answer is the answer if they are.
  let unsure: { eventIds: readonly string[]; answer: A } | undefined;
  const ifStored = (events: StoredEvent[]): CommandOutcome<A> | undefined => {
    const ours = unsure ? events.filter((e) => unsure!.eventIds.includes(e.eventId)) : [];
    return ours.length > 0 ? { answer: unsure!.answer, replayed: false, appended: ours } : undefined;
  };
  let retriedUnavailable = false;
  for (let attempt = 1; ; attempt++) {
    let answer: A | undefined;
    try {
      // 1. A request that already ran under this idempotency key gets its first answer again.
      const prior = await replay();
      if (prior !== undefined) return { answer: prior, replayed: true, appended: [] };
      // 2. Load the stream and fold it into the current state.
      const history = await store.readStream(env.streamId);
      const stored = ifStored(history);
      if (stored) return stored;
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
      answer = answerOf({ state: next, version: currentVersion + events.length });
      // 4. Events, outbox rows and the idempotency record all or none (for PostgreSQL one statement:
      //    atomic on its own, and two round trips fewer than BEGIN/COMMIT).
      const remember = env.idempotency && { key: env.idempotency, answer };
      const appended = await store.append(env.streamId, head, events, env.metadata, env.now, { remember });
      return { answer, replayed: false, appended };
    } catch (err) {
      // 5. A lost connection: once, on a fresh one. Before the append nothing was written, so running
      //    again is the same request. After it was sent, the append may have committed: the retry
      //    cannot apply it twice, because it first looks for these very events in the stream (and
      //    answers as if it had succeeded when they are there), and because an append that commits
      //    late still takes the version and the idempotency key the retry would need, so the retry's
      //    own append then fails and lands here again (steps 6 and 7), where the events are found.
      if (err instanceof DatabaseUnavailable && !retriedUnavailable) {
        retriedUnavailable = true;
        if (err instanceof AppendOutcomeUnknown && answer !== undefined) unsure = { eventIds: err.eventIds, answer };
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
        continue;
      }
      const lostRace = err instanceof StreamVersionTaken || err instanceof IdempotencyKeyTaken;
      // 6. A twin request with the same idempotency key finished first: loop to replay its answer.
      if (lostRace && env.idempotency && (await replay()) !== undefined) continue;
      if (!(err instanceof StreamVersionTaken)) throw err;
      // 7. Someone appended first. With If-Match that is the client's conflict (unless it was this
      //    request's own append, cut off earlier, that committed); without, re-decide.
      if (env.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        const latest = await store.readStream(env.streamId);
        const stored = ifStored(latest);
        if (stored) return stored;
        throw new ConcurrencyConflict(env.streamId, env.expectedVersion ?? -1, latest.at(-1)?.version ?? 0);
      }
    }
  }
}
