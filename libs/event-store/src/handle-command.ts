import { AppendOutcomeUnknown, DatabaseUnavailable, RETRY_DELAY_MS } from './database-unavailable';
import { ConcurrencyConflict, StreamVersionTaken } from './event-store.errors';
import { EventStore } from './event-store.port';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { IdempotencyKey, IdempotencyKeyTaken, priorAnswer } from './idempotency';
import type { StreamStateCache } from './stream-state.cache';
import { foldOnto, loadState } from './stream-state.load';

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
  return foldOnto(d, d.initialState, events);
}

export interface HandleCommandOptions<S> {
  /** Decided states of recently used streams (one per decider): a command then reads only newer events. */
  cache?: StreamStateCache<S>;
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
  { cache }: HandleCommandOptions<S> = {},
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
    let basedOn: { version: number } | undefined;
    try {
      // 1. A request that already ran under this idempotency key gets its first answer again.
      const prior = await replay();
      if (prior !== undefined) return { answer: prior, replayed: true, appended: [] };
      // 2. Load the current state: the cached one and the events newer than it, else the whole stream
      //    folded. After an append of unknown outcome the whole stream, so that its events are found
      //    even when another command of this process has cached a state that already includes them.
      const { state, head, read } = await loadState(store, decider, env.streamId, unsure ? undefined : cache);
      const stored = ifStored(read);
      if (stored) return stored;
      const currentVersion = head?.version ?? 0;
      if (env.expectedVersion !== undefined && env.expectedVersion !== currentVersion) {
        throw new ConcurrencyConflict(env.streamId, env.expectedVersion, currentVersion);
      }
      // 3. Decide: a refusal throws before anything is written.
      const events = decider.decide(env.command, state);
      const meta = { occurredAt: env.now, actor: env.metadata.actor };
      const next = events.reduce((s, e) => decider.evolve(s, e, meta), state);
      answer = answerOf({ state: next, version: currentVersion + events.length });
      // 4. Events, outbox rows and the idempotency record all or none (for PostgreSQL one statement:
      //    atomic on its own, and two round trips fewer than BEGIN/COMMIT).
      const remember = env.idempotency && { key: env.idempotency, answer };
      basedOn = { version: currentVersion };
      const appended = await store.append(env.streamId, head, events, env.metadata, env.now, { remember });
      // 5. The cache keeps the state as a fold of the stored stream gives it: from the events as
      //    stored (a JSON round trip, as the jsonb column makes it), not as decided.
      if (cache) keepAfterAppend(cache, decider, env.streamId, state, appended);
      return { answer, replayed: false, appended };
    } catch (err) {
      // Whatever went wrong once the append was under way, the state it was based on is in doubt.
      if (basedOn) cache?.forget(env.streamId, basedOn);
      // 6. A lost connection: once, on a fresh one. Before the append nothing was written, so running
      //    again is the same request. After it was sent, the append may have committed: the retry
      //    cannot apply it twice, because it first looks for these very events in the stream (and
      //    answers as if it had succeeded when they are there), and because an append that commits
      //    late still takes the version and the idempotency key the retry would need, so the retry's
      //    own append then fails and lands here again (steps 7 and 8), where the events are found.
      if (err instanceof DatabaseUnavailable && !retriedUnavailable) {
        retriedUnavailable = true;
        if (err instanceof AppendOutcomeUnknown && answer !== undefined) unsure = { eventIds: err.eventIds, answer };
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
        continue;
      }
      const lostRace = err instanceof StreamVersionTaken || err instanceof IdempotencyKeyTaken;
      // 7. A twin request with the same idempotency key finished first: loop to replay its answer.
      if (lostRace && env.idempotency && (await replay()) !== undefined) continue;
      if (!(err instanceof StreamVersionTaken)) throw err;
      // 8. Someone appended first. With If-Match that is the client's conflict (unless it was this
      //    request's own append, cut off earlier, that committed); without, re-decide.
      //    Only the events after the head it lost on are read, unless its own may be further back.
      if (env.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        const lostOn = basedOn?.version ?? 0;
        const latest = await store.readStream(env.streamId, unsure ? {} : { fromVersion: lostOn + 1 });
        const stored = ifStored(latest);
        if (stored) return stored;
        throw new ConcurrencyConflict(env.streamId, env.expectedVersion ?? -1, latest.at(-1)?.version ?? lostOn);
      }
    }
  }
}

/** The state after a successful append, for the next command; a state that cannot be had is not kept. */
function keepAfterAppend<C, S, E extends NewEvent>(
  cache: StreamStateCache<S>,
  decider: Decider<C, S, E>,
  streamId: string,
  state: S,
  appended: StoredEvent[],
): void {
  const last = appended.at(-1);
  if (!last) return;
  try {
    const asStored = appended.map((e) => ({ ...e, data: JSON.parse(JSON.stringify(e.data)) }));
    cache.remember(streamId, { version: last.version, hash: last.hash, state: foldOnto(decider, state, asStored) });
  } catch {
    // The append stands whatever happens here: the next command folds the stream instead.
    cache.forget(streamId);
  }
}
