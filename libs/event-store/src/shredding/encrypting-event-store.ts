import {
  EventStore,
  type AppendOptions,
  type ReadStreamOptions,
  type StreamAppend,
  type StreamHead,
} from '../event-store.port';
import type { EventMetadata, NewEvent, StoredEvent, VerifyResult } from '../event-store.types';
import type { IdempotencyKey, RecordedAnswer } from '../idempotency';
import type { InTransaction } from '../event-store';
import type { FieldCodec } from './field-codec';
import type { WrappedFieldKey } from './field-key-store';

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
 * Keys are stored in the append's own statement when the store below can (PostgresEventStore, group
 * commit included): the events and their keys land together or not at all, in one commit. Below any
 * other store they are stored just before the append.
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
    opts: AppendOptions & InTransaction = {},
  ): Promise<StoredEvent[]> {
    const [stored] = await this.appendToStreams([{ streamId, head, events }], metadata, occurredAt, opts);
    return stored;
  }

  async appendToStreams(
    parts: StreamAppend[],
    metadata: EventMetadata,
    occurredAt: string,
    opts: AppendOptions & InTransaction = {},
  ): Promise<StoredEvent[][]> {
    const { sealed, keys } = await this.seal(parts);
    const stored = await this.inner.appendToStreams(sealed, metadata, occurredAt, {
      ...opts,
      ...(keys.length && { fieldKeys: [...(opts.fieldKeys ?? []), ...keys] }),
    });
    return stored.map((events, i) => withGivenData(parts[i].events, events));
  }

  /** On the stored bytes, as every proof is: decrypting first would hash the plaintext. */
  override verify(streamId: string): Promise<VerifyResult> {
    return this.inner.verify(streamId);
  }

  /**
   * The parts with their fields sealed. A store that `storesFieldKeys` gets the keys to store in the
   * append's own statement (one commit for both); any other has them stored first.
   */
  private async seal(parts: StreamAppend[]): Promise<{ sealed: StreamAppend[]; keys: WrappedFieldKey[] }> {
    if (this.options.sealAppends === false) return { sealed: parts, keys: [] };
    if (!this.inner.storesFieldKeys) {
      const sealed = await Promise.all(
        parts.map(async (p) => ({ ...p, events: await this.codec.encrypt(p.streamId, p.events) })),
      );
      return { sealed, keys: [] };
    }
    const keys: WrappedFieldKey[] = [];
    const sealed = parts.map((p) => {
      const s = this.codec.sealEvents(p.streamId, p.events);
      keys.push(...s.keys);
      return { ...p, events: s.events };
    });
    return { sealed, keys };
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
