import type { EntityManager } from 'typeorm';
import type { NewEvent } from '../event-store.types';
import { decryptField, encryptField, masterKeyId, newFieldKey, unwrapFieldKey, wrapFieldKey } from './field-cipher';
import { decodeErasedField } from './erased-field';
import { decodeFieldEnvelope, redactionMarker, type FieldEnvelope, type RedactionNotice } from './field-envelope';
import type { FieldKeyRecord, FieldKeyStore, WrappedFieldKey } from './field-key-store';
import { fieldsIn, mapFields } from './field-paths';
import { KeyCache } from './key-cache';
import { erasePlaintextFields, type StoredFieldRef } from './plaintext-eraser';

export interface FieldCodecOptions {
  keys: FieldKeyStore;
  masterKey: Buffer;
  /** The redactable field paths of an event type (the domain's `redactableFields`); only ever grows. */
  redactableFields: (type: string) => readonly string[];
  cache?: { maxKeys?: number; maxAgeMs?: number; now?: () => number };
}

/** What a codec reads: a stored event, or anything else carrying an event's type and payload. */
interface TypedPayload {
  type: string;
  data: unknown;
  eventId?: string;
}

/** A redactable field of a stored event: by reference (event and path), never by content. */
export interface FieldLocation {
  eventId: string | undefined;
  path: string;
}

/** Where a passage is: fields a key destroys, and fields stored in plaintext before encryption. */
export interface PassageLocations {
  encrypted: (FieldLocation & { kid: string })[];
  /** No key to destroy: only the heavier route (docs/redaction.md) removes these. */
  plaintext: FieldLocation[];
}

/**
 * Encrypts the redactable fields of event payloads before they are appended, and decrypts them
 * after they are read (issue #12, crypto-shredding). Each non-empty text value gets a key of its
 * own, wrapped by the master key and stored in the key store; a value whose key was destroyed
 * reads as a RedactionMarker naming the order. Values stored in plaintext before encryption read
 * as they are. Generic: the event types' field paths come from outside.
 */
export class FieldCodec {
  private readonly cache: KeyCache;
  private readonly masterKeyId: string;
  private readonly fetching = new Map<string, Promise<FieldKeyRecord | undefined>>();

  constructor(private readonly o: FieldCodecOptions) {
    if (o.masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
    this.cache = new KeyCache(o.cache?.maxKeys, o.cache?.maxAgeMs, o.cache?.now);
    this.masterKeyId = masterKeyId(o.masterKey);
  }

  /**
   * The payload with its redactable values encrypted, and the wrapped keys to store with it. No
   * I/O: the caller stores the keys before or with the event (`encrypt` does both).
   */
  seal(streamId: string, type: string, data: unknown): { data: unknown; keys: WrappedFieldKey[] } {
    const keys: WrappedFieldKey[] = [];
    const sealed = mapFields(data, this.o.redactableFields(type), (value) => {
      if (typeof value !== 'string' || value === '') return value;
      const k = newFieldKey();
      keys.push({ kid: k.kid, streamId, masterKeyId: this.masterKeyId, wrapped: wrapFieldKey(k, this.o.masterKey) });
      this.cache.set(k.kid, k.key);
      return encryptField(value, k);
    });
    return { data: sealed, keys };
  }

  /** `seal` for each event: the sealed events and every key they need, stored by the caller. */
  sealEvents(streamId: string, events: readonly NewEvent[]): { events: NewEvent[]; keys: WrappedFieldKey[] } {
    const keys: WrappedFieldKey[] = [];
    const sealed = events.map((e) => {
      const s = this.seal(streamId, e.type, e.data);
      keys.push(...s.keys);
      return s.data === e.data ? e : { ...e, data: s.data };
    });
    return { events: sealed, keys };
  }

  /** Seals the events and stores their keys, in the caller's transaction when `db` is given. */
  async encrypt(streamId: string, events: readonly NewEvent[], db?: EntityManager): Promise<NewEvent[]> {
    const sealed = this.sealEvents(streamId, events);
    await this.o.keys.insert(sealed.keys, db);
    return sealed.events;
  }

  /**
   * The events with their encrypted values opened: one key store round trip for every key not in
   * the cache. Throws FieldKeyMissing for a key neither held nor destroyed (lost, never written, or
   * the wrong database), FieldDecryptionFailed for a ciphertext or wrapped key that does not open.
   * A value erased in place (`{"$erased":…}`) reads as the same marker as a destroyed key, `kid` ''.
   */
  async decrypt<E extends TypedPayload>(events: readonly E[]): Promise<E[]> {
    // Every key this batch needs, taken from the cache once: an entry ageing out between the two
    // passes must not turn into a key that seems missing.
    const opened = new Map<string, Buffer | RedactionNotice>();
    const wanted = new Set<string>();
    for (const e of events) {
      this.visit(e, (env) => {
        if (opened.has(env.kid) || wanted.has(env.kid)) return;
        const key = this.cache.get(env.kid);
        if (key) opened.set(env.kid, key);
        else wanted.add(env.kid);
      });
    }
    if (wanted.size) {
      const records = await Promise.all([...wanted].map((kid) => this.fetchShared(kid, wanted)));
      [...wanted].forEach((kid, i) => opened.set(kid, this.unwrap(kid, records[i])));
    }
    return events.map((e) => {
      const data = mapFields(e.data, this.o.redactableFields(e.type), (value) => {
        // Erased in place (plaintext before encryption, the heavier route): the same marker as a
        // destroyed key, with no key id since it never had a key.
        const erased = decodeErasedField(value);
        if (erased) return redactionMarker('', erased);
        const env = decodeFieldEnvelope(value);
        if (!env) return value;
        const key = opened.get(env.kid)!;
        return Buffer.isBuffer(key) ? decryptField(env, key) : redactionMarker(env.kid, key);
      });
      return data === e.data ? e : { ...e, data };
    });
  }

  /**
   * The redactable fields of `events` whose text `matches` (a redaction's search for its passage),
   * with the keys to destroy. `events` as stored, not decrypted: in a decrypted event every field
   * reads as plaintext, with no key to destroy. Fields already redacted are not found again.
   */
  async locate<E extends TypedPayload>(
    events: readonly E[],
    matches: (text: string) => boolean,
  ): Promise<PassageLocations> {
    const opened = await this.decrypt(events);
    const found: PassageLocations = { encrypted: [], plaintext: [] };
    events.forEach((e, i) => {
      const patterns = this.o.redactableFields(e.type);
      // Same patterns over the same shape: the stored and the opened fields come in the same order.
      const stored = fieldsIn(e.data, patterns);
      fieldsIn(opened[i].data, patterns).forEach(({ path, value }, j) => {
        if (typeof value !== 'string' || !matches(value)) return;
        const env = decodeFieldEnvelope(stored[j].value);
        if (env) found.encrypted.push({ eventId: e.eventId, path, kid: env.kid });
        else found.plaintext.push({ eventId: e.eventId, path });
      });
    });
    return found;
  }

  /** Destroys the keys (issue #12's redaction) and drops them from this process's cache. */
  async destroy(kids: readonly string[], notice: RedactionNotice, db?: EntityManager): Promise<number> {
    this.cache.forget(kids);
    const n = await this.o.keys.destroy(kids, notice, db);
    this.cache.forget(kids);
    return n;
  }

  /**
   * The heavier route for `locate`'s `plaintext` fields (stored before encryption, no key to
   * destroy): erases them in place in the caller's transaction. See erasePlaintextFields.
   */
  erasePlaintext(refs: readonly StoredFieldRef[], order: RedactionNotice, db: EntityManager): Promise<number> {
    return erasePlaintextFields(db, refs, order, this.o.redactableFields);
  }

  /** For a process that learns of a redaction made elsewhere (a projector handling the event). */
  forget(kids: Iterable<string>): void {
    this.cache.forget(kids);
  }

  private visit(e: TypedPayload, fn: (env: FieldEnvelope) => unknown): unknown {
    return mapFields(e.data, this.o.redactableFields(e.type), (value) => {
      const env = decodeFieldEnvelope(value);
      if (!env) return value;
      const out = fn(env);
      return out === undefined ? value : out;
    });
  }

  /**
   * A key's record, fetched once however many callers want it at the same moment: a projector's
   * consumers (one per read model) receive the same events together and would each ask for the same
   * new keys. Kids no fetch is already under way for go in one round trip, with `batch`'s others.
   */
  private fetchShared(kid: string, batch: ReadonlySet<string>): Promise<FieldKeyRecord | undefined> {
    const pending = this.fetching.get(kid);
    if (pending) return pending;
    const kids = [...batch].filter((k) => !this.fetching.has(k));
    const fetched = this.o.keys.fetch(kids);
    const done = () => kids.forEach((k) => this.fetching.delete(k));
    fetched.then(done, done);
    for (const k of kids)
      this.fetching.set(
        k,
        fetched.then((m) => m.get(k)),
      );
    return this.fetching.get(kid)!;
  }

  private unwrap(kid: string, record: FieldKeyRecord | undefined): Buffer | RedactionNotice {
    if (!record) throw new FieldKeyMissing(kid);
    if ('destroyed' in record) return record.destroyed;
    if (record.live.masterKeyId !== this.masterKeyId) throw new WrongMasterKey(kid, record.live.masterKeyId);
    const key = unwrapFieldKey(kid, record.live.wrapped, this.o.masterKey);
    this.cache.set(kid, key);
    return key;
  }
}

/** A key that is neither held nor destroyed: data loss or the wrong database, never a redaction. */
export class FieldKeyMissing extends Error {
  constructor(readonly kid: string) {
    super(`Field key ${kid} is neither held nor destroyed by a redaction`);
  }
}

export class WrongMasterKey extends Error {
  constructor(
    readonly kid: string,
    readonly wrappedUnder: string,
  ) {
    super(
      `Field key ${kid} is wrapped under master key ${wrappedUnder}, not this process's: check NEWSROOM_MASTER_KEY`,
    );
  }
}
