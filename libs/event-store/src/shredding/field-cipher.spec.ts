import { randomBytes } from 'node:crypto';
import {
  decryptField,
  encryptField,
  FieldDecryptionFailed,
  masterKeyId,
  newFieldKey,
  unwrapFieldKey,
  wrapFieldKey,
} from './field-cipher';

const master = randomBytes(32);
const SOURCE = 'Ada Lindqvist, the ministry official who leaked the draft';

describe('field encryption (AES-256-GCM)', () => {
  it('opens what it sealed, and the envelope shows no part of the text', () => {
    const k = newFieldKey();
    const sealed = encryptField(SOURCE, k);

    expect(decryptField(sealed.$enc, k.key)).toBe(SOURCE);
    expect(JSON.stringify(sealed)).not.toMatch(/Ada|Lindqvist|ministry/);
    expect(sealed.$enc.kid).toBe(k.kid);
  });

  it('seals the same text differently each time (a fresh IV), so equal texts cannot be told apart', () => {
    const k = newFieldKey();

    expect(encryptField(SOURCE, k).$enc.ct).not.toBe(encryptField(SOURCE, k).$enc.ct);
  });

  it('refuses a ciphertext that was altered, moved under another key id, or opened with another key', () => {
    const k = newFieldKey();
    const { $enc: e } = encryptField(SOURCE, k);
    const flipped = Buffer.from(e.ct, 'base64url');
    flipped[0] ^= 1;

    expect(() => decryptField({ ...e, ct: flipped.toString('base64url') }, k.key)).toThrow(FieldDecryptionFailed);
    expect(() => decryptField({ ...e, kid: newFieldKey().kid }, k.key)).toThrow(FieldDecryptionFailed);
    expect(() => decryptField(e, newFieldKey().key)).toThrow(FieldDecryptionFailed);
  });

  it('names the key, never the key material, when a field does not open', () => {
    const k = newFieldKey();
    const error = (() => {
      try {
        decryptField(encryptField(SOURCE, k).$enc, randomBytes(32));
      } catch (err) {
        return err as Error;
      }
    })();

    expect(error?.message).toContain(k.kid);
    expect(error?.message).not.toContain(k.key.toString('base64'));
    expect(error?.message).not.toContain(k.key.toString('hex'));
  });
});

describe('key wrapping under the master key', () => {
  it('unwraps what it wrapped: 60 bytes (IV, key, tag)', () => {
    const k = newFieldKey();
    const wrapped = wrapFieldKey(k, master);

    expect(wrapped).toHaveLength(60);
    expect(unwrapFieldKey(k.kid, wrapped, master)).toEqual(k.key);
    expect(wrapped.includes(k.key)).toBe(false);
  });

  it('refuses another master key, and a wrapped key copied to another key id', () => {
    const k = newFieldKey();
    const wrapped = wrapFieldKey(k, master);

    expect(() => unwrapFieldKey(k.kid, wrapped, randomBytes(32))).toThrow(FieldDecryptionFailed);
    expect(() => unwrapFieldKey(newFieldKey().kid, wrapped, master)).toThrow(FieldDecryptionFailed);
  });

  it('names a master key by a short public id that differs between keys and reveals nothing of it', () => {
    expect(masterKeyId(master)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(master)).toBe(masterKeyId(Buffer.from(master)));
    expect(masterKeyId(randomBytes(32))).not.toBe(masterKeyId(master));
    expect(master.toString('hex')).not.toContain(masterKeyId(master));
  });
});
