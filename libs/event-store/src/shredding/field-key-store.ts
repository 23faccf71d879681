import type { EntityManager } from 'typeorm';
import type { RedactionNotice } from './field-envelope';

/** A field key as stored: wrapped by the master key named by `masterKeyId`. */
export interface WrappedFieldKey {
  kid: string;
  /** The stream whose event references the key: what a redaction of that stream searches. */
  streamId: string;
  masterKeyId: string;
  wrapped: Buffer;
}

/** A key still held, or the redaction that destroyed it; a kid that is neither is absent. */
export type FieldKeyRecord = { live: WrappedFieldKey } | { destroyed: RedactionNotice };

/**
 * The keys of encrypted fields (issue #12): `PostgresFieldKeyStore` in production, the memory in
 * specs, both held to field-key-store.contract.fixture.ts. Only wrapped keys pass through here.
 */
export abstract class FieldKeyStore {
  /** Stores new keys, in the caller's transaction when `db` is given (the append's, so both or neither). */
  abstract insert(keys: readonly WrappedFieldKey[], db?: EntityManager): Promise<void>;

  /** One round trip for any number of kids. */
  abstract fetch(kids: readonly string[]): Promise<Map<string, FieldKeyRecord>>;

  /**
   * Destroys the keys for good (deletes their rows) and records `notice` for each, in one
   * transaction. A key already destroyed keeps the order that destroyed it first; an unknown kid
   * is ignored. Answers how many keys this call destroyed.
   */
  abstract destroy(kids: readonly string[], notice: RedactionNotice, db?: EntityManager): Promise<number>;
}
