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

/**
 * An event store whose callers see plaintext while the store below keeps ciphertext (issue #12):
 * appends encrypt the redactable fields first (the codec stores their keys), reads and the events an
 * append answers are decrypted, and `verify` is the inner store's, on the stored bytes, because the
 * hash chain covers the ciphertext. The write path's wiring point: provide it as the EventStore.
 *
 * Keys are stored just before the append, in a statement of their own, so that appends still group
 * (group commit); an append that then fails leaves keys no event references, which read nothing and
 * may be swept. Storing them in the grouped statement itself is the next step.
 */
export class EncryptingEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly codec: FieldCodec,
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
    const sealed = await this.codec.encrypt(streamId, events);
    return this.codec.decrypt(await this.inner.append(streamId, head, sealed, metadata, occurredAt, opts));
  }

  async appendToStreams(
    parts: StreamAppend[],
    metadata: EventMetadata,
    occurredAt: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[][]> {
    const sealed = await Promise.all(
      parts.map(async (p) => ({ ...p, events: await this.codec.encrypt(p.streamId, p.events) })),
    );
    const stored = await this.inner.appendToStreams(sealed, metadata, occurredAt, opts);
    return Promise.all(stored.map((events) => this.codec.decrypt(events)));
  }

  /** On the stored bytes, as every proof is: decrypting first would hash the plaintext. */
  override verify(streamId: string): Promise<VerifyResult> {
    return this.inner.verify(streamId);
  }

  recall(key: IdempotencyKey): Promise<RecordedAnswer | undefined> {
    return this.inner.recall(key);
  }

  purgeExpiredKeys(): Promise<number> {
    return this.inner.purgeExpiredKeys();
  }
}
