import { AppendOutcomeUnknown, DatabaseUnavailable, RETRY_DELAY_MS } from './database-unavailable';
import { ConcurrencyConflict, StreamVersionTaken } from './event-store.errors';
import { EventStore } from './event-store.port';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import type { CommandOutcome } from './handle-command';
import { IdempotencyKey, IdempotencyKeyTaken, priorAnswer } from './idempotency';

export interface AcrossStreamsEnvelope {
  /** The streams the decision reads and may append to, in the order `decide` receives them. */
  streamIds: readonly string[];
  metadata: EventMetadata;
  now: string;
  /** From If-Match, by stream id: a mismatch is the client's conflict, never retried. */
  expectedVersions?: Readonly<Record<string, number>>;
  idempotency?: IdempotencyKey;
}

/** What a decision across streams answers: the events for each stream (in `streamIds` order) and the answer. */
export interface AcrossStreamsDecision<A> {
  events: NewEvent[][];
  answer: A;
}

// Each lost race means another writer's append succeeded, so some writer progresses every round: a
// burst of n writers on one stream settles within n attempts. Generous, as a stream can be busy.
const MAX_ATTEMPTS = 100;

/**
 * The write pipeline for one decision over several streams (accepting a contribution merges it
 * into its article): every stream is read, `decide` sees all their histories, and the events of
 * all of them are appended in one transaction, each after the head it was decided on. Either
 * stream having moved meanwhile fails the whole append; then the decision is taken again on the
 * fresh histories, so nothing is lost and nothing applied twice.
 */
export async function handleAcrossStreams<A>(
  store: EventStore,
  env: AcrossStreamsEnvelope,
  decide: (histories: StoredEvent[][]) => AcrossStreamsDecision<A>,
): Promise<CommandOutcome<A>> {
  const replay = async () => env.idempotency && (await priorAnswer<A>((k) => store.recall(k), env.idempotency));
  let unsure: { eventIds: readonly string[]; answer: A } | undefined;
  const ifStored = (histories: StoredEvent[][]): CommandOutcome<A> | undefined => {
    const ours = unsure ? histories.flat().filter((e) => unsure!.eventIds.includes(e.eventId)) : [];
    return ours.length > 0 ? { answer: unsure!.answer, replayed: false, appended: ours } : undefined;
  };
  const readAll = () => Promise.all(env.streamIds.map((id) => store.readStream(id)));
  let retriedUnavailable = false;
  for (let attempt = 1; ; attempt++) {
    let answer: A | undefined;
    try {
      // 1. A request that already ran under this idempotency key gets its first answer again.
      const prior = await replay();
      if (prior !== undefined) return { answer: prior, replayed: true, appended: [] };
      // 2. Load every stream; an If-Match on any of them must match its head.
      const histories = await readAll();
      const stored = ifStored(histories);
      if (stored) return stored;
      histories.forEach((history, i) => {
        const expected = env.expectedVersions?.[env.streamIds[i]];
        const current = history.at(-1)?.version ?? 0;
        if (expected !== undefined && expected !== current)
          throw new ConcurrencyConflict(env.streamIds[i], expected, current);
      });
      // 3. Decide on all of them: a refusal throws before anything is written.
      const decision = decide(histories);
      answer = decision.answer;
      // 4. Every stream's events, their outbox rows and the idempotency record, all or none.
      const parts = env.streamIds.map((streamId, i) => ({
        streamId,
        head: histories[i].at(-1) ?? null,
        events: decision.events[i] ?? [],
      }));
      const remember = env.idempotency && { key: env.idempotency, answer };
      const appended = await store.appendToStreams(parts, env.metadata, env.now, { remember });
      return { answer, replayed: false, appended: appended.flat() };
    } catch (err) {
      // 5. A lost connection: once, on a fresh one, looking first for this very append (see handleCommand).
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
      // 7. Someone appended first: a conflict for a stream the client pinned with If-Match, or once
      //    the attempts run out; otherwise decide again on what is there now.
      const expected = env.expectedVersions?.[err.streamId];
      if (expected !== undefined || attempt >= MAX_ATTEMPTS) {
        const latest = await readAll();
        const stored = ifStored(latest);
        if (stored) return stored;
        const index = Math.max(0, env.streamIds.indexOf(err.streamId));
        throw new ConcurrencyConflict(err.streamId, expected ?? -1, latest[index].at(-1)?.version ?? 0);
      }
    }
  }
}
