import {
  decodeFieldEnvelope,
  encodeFieldEnvelope,
  isRedactionMarker,
  MalformedFieldEnvelope,
  redactionMarker,
} from './field-envelope';

const parts = { kid: 'k1d', iv: 'aXY', ct: 'Y3Q', tag: 'dGFn' };

describe('the field envelope', () => {
  it('is {"$enc":{v,kid,iv,ct,tag}} and decodes back to its parts', () => {
    const stored = JSON.parse(JSON.stringify(encodeFieldEnvelope(parts)));

    expect(stored).toEqual({ $enc: { v: 1, ...parts } });
    expect(decodeFieldEnvelope(stored)).toEqual({ v: 1, ...parts });
  });

  it('is not found in plaintext written before encryption, nor in other values', () => {
    for (const value of ['Ada Lindqvist', '', null, undefined, 3, ['x'], { text: 'x' }]) {
      expect(decodeFieldEnvelope(value)).toBeUndefined();
    }
  });

  it('is refused when it is almost one: another version, a missing or extra part, a part not in base64url', () => {
    const almost = [
      { $enc: { ...parts, v: 2 } },
      { $enc: { v: 1, kid: 'k', iv: 'i', ct: 'c' } },
      { $enc: { v: 1, ...parts, extra: 'x' } },
      { $enc: { v: 1, ...parts, ct: 'not base64!' } },
      { $enc: null },
      { $enc: 'v1.k.i.c.t' },
    ];
    for (const value of almost) expect(() => decodeFieldEnvelope(value)).toThrow(MalformedFieldEnvelope);
  });

  it('is replaced on reading a destroyed key by a marker naming the order and the key, not the text', () => {
    const order = {
      redactionId: 'r1',
      redactedAt: '2026-12-02T09:30:00.000Z',
      legalBasis: 'Court order',
      reference: 'HC-1',
    };
    const marker = redactionMarker('k1d', order);

    expect(marker).toEqual({ $redacted: { kid: 'k1d', ...order } });
    expect(isRedactionMarker(marker)).toBe(true);
    expect(isRedactionMarker(encodeFieldEnvelope(parts))).toBe(false);
    expect(isRedactionMarker('[redacted]')).toBe(false);
  });
});
