import {
  EventStore,
  type AppendOptions,
  type ReadStreamOptions,
  type StreamAppend,
  type StreamHead,
} from '../event-store.port';
import type { EventMetadata, NewEvent, StoredEvent, VerifyResult } from '../event-store.types';
import type { IdempotencyKey, RecordedAnswer } from '../idempotency';
import type { FieldCodec } from './field-codec';

export interface EncryptingEventStoreOptions {
  /**
   * False appends events as they come (a deployment that switched encryption off) while reads still
   * decrypt, so what was encrypted meanwhile stays readable. Default true.
   */
  sealAppends?: boolean;
}

/**
 * An event store whose callers see plaintext while the store below keeps ciphertext (issue #12):
 * appends encrypt the redactable fields first (the codec stores their keys), reads are decrypted, an
 * append answers the plaintext it was given (decrypting what it had just sealed was work done twice),
 * and `verify` is the inner store's, on the stored bytes, because the hash chain covers the
 * ciphertext. The write path's wiring point: provide it as the EventStore.
 *
 * Keys are stored just before the append, in a statement of their own, so that appends still group
 * (group commit); an append that then fails leaves keys no event references, which read nothing and
 * may be swept. Storing them in the grouped statement itself is the next step.
 */
export class EncryptingEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly codec: FieldCodec,
    private readonly options: EncryptingEventStoreOptions = {},
  ) {
    super();
  }

  async readStream(streamId: string, opts?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.codec.decrypt(await this.inner.readStream(streamId, opts));
  }

  async append(
    streamId: string,
    head: StreamHead,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[]> {
    const sealed = await this.seal(streamId, events);
    return withGivenData(events, await this.inner.append(streamId, head, sealed, metadata, occurredAt, opts));
  }

  async appendToStreams(
    parts: StreamAppend[],
    metadata: EventMetadata,
    occurredAt: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[][]> {
    const sealed = await Promise.all(parts.map(async (p) => ({ ...p, events: await this.seal(p.streamId, p.events) })));
    const stored = await this.inner.appendToStreams(sealed, metadata, occurredAt, opts);
    return stored.map((events, i) => withGivenData(parts[i].events, events));
  }

  /** On the stored bytes, as every proof is: decrypting first would hash the plaintext. */
  override verify(streamId: string): Promise<VerifyResult> {
    return this.inner.verify(streamId);
  }

  private seal(streamId: string, events: NewEvent[]): Promise<NewEvent[]> {
    return this.options.sealAppends === false ? Promise.resolve(events) : this.codec.encrypt(streamId, events);
  }

  recall(key: IdempotencyKey): Promise<RecordedAnswer | undefined> {
    return this.inner.recall(key);
  }

  purgeExpiredKeys(): Promise<number> {
    return this.inner.purgeExpiredKeys();
  }
}

/** The stored events an append answers, with the plaintext the caller gave in place of the ciphertext. */
function withGivenData(given: readonly NewEvent[], stored: StoredEvent[]): StoredEvent[] {
  return stored.map((e, i) => (e.data === given[i].data ? e : { ...e, data: given[i].data }));
}
