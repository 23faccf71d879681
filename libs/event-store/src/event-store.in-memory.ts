import { StreamVersionTaken } from './event-store.errors';
import { AppendOptions, chainAfter, EventStore, ReadStreamOptions, StreamAppend, StreamHead } from './event-store.port';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { DEFAULT_IDEMPOTENCY_TTL_MS, IdempotencyKey, IdempotencyKeyTaken, RecordedAnswer } from './idempotency';

/**
 * The event store in memory, for specs of the write path that need no database. It keeps the
 * contract of the PostgreSQL store (same suite): versions without gaps, the hash chain, all-or-none
 * appends and idempotency records. Values are copied in and out, as JSON in a database would be.
 */
export class InMemoryEventStore extends EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly answers = new Map<string, RecordedAnswer & { recordedAt: number }>();
  private position = 0;

  constructor(
    private readonly idempotencyTtlMs = DEFAULT_IDEMPOTENCY_TTL_MS,
    /** The store's clock, in ms; specs move it to expire keys. */
    private readonly clock: () => number = Date.now,
  ) {
    super();
  }

  async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const until = opts.until?.getTime();
    return copy(
      (this.streams.get(streamId) ?? []).filter(
        (e) =>
          (opts.fromVersion === undefined || e.version >= opts.fromVersion) &&
          (opts.toVersion === undefined || e.version <= opts.toVersion) &&
          (until === undefined || Date.parse(e.occurredAt) <= until) &&
          (opts.types === undefined || opts.types.includes(e.type)),
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
    const [appended] = await this.appendToStreams([{ streamId, head, events }], metadata, occurredAt, opts);
    return appended;
  }

  async appendToStreams(
    parts: StreamAppend[],
    metadata: EventMetadata,
    occurredAt: string,
    opts: AppendOptions = {},
  ): Promise<StoredEvent[][]> {
    const key = opts.remember && keyOf(opts.remember.key);
    if (key !== undefined && this.answers.has(key) && !this.expired(key)) {
      throw new IdempotencyKeyTaken(opts.remember!.key.key);
    }
    for (const { streamId, head, events } of parts) {
      const stream = this.streams.get(streamId) ?? [];
      if (events.length > 0 && (stream.at(-1)?.version ?? 0) !== (head?.version ?? 0)) {
        throw new StreamVersionTaken(streamId, (head?.version ?? 0) + 1);
      }
    }
    const appended = parts.map(({ streamId, head, events }) => {
      const stored = chainAfter(head, streamId, copy(events), copy(metadata), occurredAt).map((e) => ({
        globalPosition: ++this.position,
        ...e,
      }));
      this.streams.set(streamId, [...(this.streams.get(streamId) ?? []), ...stored]);
      return stored;
    });
    if (key !== undefined) {
      const { requestHash } = opts.remember!.key;
      this.answers.set(key, { requestHash, answer: copy(opts.remember!.answer), recordedAt: this.clock() });
    }
    return copy(appended);
  }

  async recall(key: IdempotencyKey): Promise<RecordedAnswer | undefined> {
    const k = keyOf(key);
    if (this.expired(k)) this.answers.delete(k);
    const recorded = this.answers.get(k);
    return recorded && copy({ requestHash: recorded.requestHash, answer: recorded.answer });
  }

  async purgeExpiredKeys(): Promise<number> {
    const expired = [...this.answers.keys()].filter((k) => this.expired(k));
    expired.forEach((k) => this.answers.delete(k));
    return expired.length;
  }

  private expired(k: string): boolean {
    const recorded = this.answers.get(k);
    return recorded !== undefined && this.clock() - recorded.recordedAt >= this.idempotencyTtlMs;
  }
}

const keyOf = (k: IdempotencyKey) => JSON.stringify([k.actorId, k.key]);
/** A JSON round trip, like a jsonb column's: undefined keys vanish, nothing is shared with the caller. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
