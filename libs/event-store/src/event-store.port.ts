import { randomUUID } from 'node:crypto';
import { eventHash, GENESIS_HASH } from './hash-chain';
import type { IdempotencyKey, RecordedAnswer } from './idempotency';
import { checkContent, type ErasedEvent, type RedactableFields } from './shredding/erased-field';
import type { EventMetadata, NewEvent, StoredEvent, VerifyResult } from './event-store.types';
import type { WrappedFieldKey } from './shredding/field-key-store';

export interface ReadStreamOptions {
  /**
   * Only events from this version on (inclusive): what a cached state or a snapshot at that version
   * lacks, with the event at that version itself, whose hash shows the cache still fits the stream.
   */
  fromVersion?: number;
  /** Only events up to this version (time travel by version). */
  toVersion?: number;
  /** Only events that occurred at or before this instant (time travel by date). */
  until?: Date;
  /** Only events of these types (an article's redaction orders, out of its whole history). */
  types?: readonly string[];
}

/** The last stored event of a stream, after which an append goes; null for a new stream. */
export type StreamHead = Pick<StoredEvent, 'version' | 'hash'> | null;

export interface AppendOptions {
  /** Records this answer under the key, with the events and atomically: a retry replays it. */
  remember?: { key: IdempotencyKey; answer: unknown };
  /**
   * false keeps the events in the store and its hash chain but out of the outbox, so they are never
   * relayed: private streams (user accounts) whose events are no part of the public event stream.
   */
  publish?: boolean;
  /**
   * Keys of the events' encrypted fields (issue #12), stored with the events or not at all: in the
   * append's own statement by a store that `storesFieldKeys`. Another store ignores them.
   */
  fieldKeys?: readonly WrappedFieldKey[];
}

/** One stream's part of an append across streams: its events after its head. */
export interface StreamAppend {
  streamId: string;
  head: StreamHead;
  events: NewEvent[];
}

/**
 * What the write pipeline and the API need of an event store: append-only streams with a
 * per-stream hash chain. `PostgresEventStore` in production, `InMemoryEventStore` in specs; both
 * pass the same contract suite (event-store.contract.fixture.ts). An abstract class rather than an
 * interface so that it is also the token apps inject.
 */
export abstract class EventStore {
  /** True when `AppendOptions.fieldKeys` are stored with the events (in `field_keys`, same transaction). */
  readonly storesFieldKeys: boolean = false;
  abstract readStream(streamId: string, opts?: ReadStreamOptions): Promise<StoredEvent[]>;

  /**
   * Appends `events` after `head`, all or none. Throws StreamVersionTaken when another append got
   * there first, IdempotencyKeyTaken when `remember`'s key was recorded meanwhile.
   */
  abstract append(
    streamId: string,
    head: StreamHead,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[]>;

  /**
   * Appends to several streams at once, all or none: each part after its own head, so that either
   * head having moved fails the whole append (StreamVersionTaken naming that stream). For
   * decisions that span two aggregates (a contribution accepted and merged into its article).
   * Answers each part's stored events, in the order of `parts`.
   */
  abstract appendToStreams(
    parts: StreamAppend[],
    metadata: EventMetadata,
    occurredAt: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[][]>;

  /** What was recorded under an idempotency key, if anything, and not expired. */
  abstract recall(key: IdempotencyKey): Promise<RecordedAnswer | undefined>;

  /** Deletes the idempotency records older than the store's time to live; answers how many. */
  abstract purgeExpiredKeys(): Promise<number>;

  /** Recomputes the stream's hash chain from the first event. */
  async verify(streamId: string): Promise<VerifyResult> {
    return verifyHashChain(await this.readStream(streamId));
  }
}

export interface ChainCheckOptions {
  /**
   * The redactable fields of each event type: given, an event erased in place under a redaction
   * order (issue #12, docs/redaction.md) passes its content check when every "$erased" it holds is
   * at one of them, and is vouched for by its links instead (the next event's prev_hash here, its
   * recorded leaf in verifyStreamAgainstLog). Without it, an erased event fails like any edit.
   */
  redactableFields?: RedactableFields;
}

/**
 * Checks that versions run 1..n without a gap, each event links to the previous hash and matches
 * its own (or, with `redactableFields`, was erased in place: listed in `erased`).
 */
export function verifyHashChain(events: StoredEvent[], opts: ChainCheckOptions = {}): VerifyResult {
  let prevHash = GENESIS_HASH;
  const broken = (brokenAt: number, reason: string): VerifyResult => ({
    valid: false,
    events: events.length,
    brokenAt,
    reason,
  });
  const erased: ErasedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.version !== i + 1) return broken(i + 1, `version ${i + 1} is missing`);
    if (e.prevHash !== prevHash) return broken(e.version, 'prev_hash does not match the previous event');
    const content = checkContent(prevHash, e, opts.redactableFields);
    if (!content.ok) return broken(e.version, content.reason);
    if (content.erased) erased.push(content.erased);
    prevHash = e.hash;
  }
  return { valid: true, events: events.length, headHash: prevHash, ...(erased.length > 0 && { erased }) };
}

/** An event ready to store: its place in the stream and its link in the hash chain, but no global position yet. */
export type ChainedEvent = Omit<StoredEvent, 'globalPosition'>;

/** Gives each new event its id, its version after `head` and its hash, linked to the one before. */
export function chainAfter(
  head: StreamHead,
  streamId: string,
  events: NewEvent[],
  metadata: EventMetadata,
  occurredAt: string,
): ChainedEvent[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let version = head?.version ?? 0;
  return events.map((e) => {
    const fields = {
      eventId: randomUUID(),
      streamId,
      version: ++version,
      type: e.type,
      schemaVersion: e.schemaVersion ?? 1,
      data: e.data,
      metadata,
      occurredAt,
    };
    const chained = { ...fields, prevHash, hash: eventHash(prevHash, fields) };
    prevHash = chained.hash;
    return chained;
  });
}
