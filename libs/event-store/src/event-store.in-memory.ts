import { StreamVersionTaken } from './event-store.errors';
import { AppendOptions, chainAfter, EventStore, ReadStreamOptions, StreamHead } from './event-store.port';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { IdempotencyKey, IdempotencyKeyTaken, RecordedAnswer } from './idempotency';

/**
 * The event store in memory, for specs of the write path that need no database. It keeps the
 * contract of the PostgreSQL store (same suite): versions without gaps, the hash chain, all-or-none
 * appends and idempotency records. Values are copied in and out, as JSON in a database would be.
 */
export class InMemoryEventStore extends EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly answers = new Map<string, RecordedAnswer>();
  private position = 0;

  async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const until = opts.until?.getTime();
    return copy(
      (this.streams.get(streamId) ?? []).filter(
        (e) =>
          (opts.toVersion === undefined || e.version <= opts.toVersion) &&
          (until === undefined || Date.parse(e.occurredAt) <= until),
      ),
    );
  }

  /** Checks and writes with no await in between, so concurrent appends interleave as whole appends. */
  async append(
    streamId: string,
    head: StreamHead,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    opts: AppendOptions = {},
  ): Promise<StoredEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const key = opts.remember && keyOf(opts.remember.key);
    if (key !== undefined && this.answers.has(key)) throw new IdempotencyKeyTaken(opts.remember!.key.key);
    if (events.length > 0 && (stream.at(-1)?.version ?? 0) !== (head?.version ?? 0)) {
      throw new StreamVersionTaken(streamId, (head?.version ?? 0) + 1);
    }
    const stored = chainAfter(head, streamId, copy(events), copy(metadata), occurredAt).map((e) => ({
      globalPosition: ++this.position,
      ...e,
    }));
    this.streams.set(streamId, [...stream, ...stored]);
    if (key !== undefined) {
      this.answers.set(key, { requestHash: opts.remember!.key.requestHash, answer: copy(opts.remember!.answer) });
    }
    return copy(stored);
  }

  async recall(key: IdempotencyKey): Promise<RecordedAnswer | undefined> {
    const recorded = this.answers.get(keyOf(key));
    return recorded && copy(recorded);
  }
}

const keyOf = (k: IdempotencyKey) => JSON.stringify([k.actorId, k.key]);
/** A JSON round trip, like a jsonb column's: undefined keys vanish, nothing is shared with the caller. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
