import { randomBytes } from 'node:crypto';
import { decodeErasedField, erasureOf, MalformedErasedField } from './erased-field';
import { FieldCodec } from './field-codec';
import { drafted, ORDER, photoAttached, redactableFields, SOURCE } from './field-codec.fixture';
import { InMemoryFieldKeyStore } from './field-key-store.in-memory';

const codec = () => new FieldCodec({ keys: new InMemoryFieldKeyStore(), masterKey: randomBytes(32), redactableFields });
const erased = { $erased: ORDER };
/** The photo event as the heavier route leaves it: its caption erased in place. */
const photoErased = () => {
  const e = photoAttached();
  return { ...e, metadata: {}, data: { photo: { ...e.data.photo, caption: erased as unknown as string } } };
};

describe('a field erased in place', () => {
  it('reads as the same marker as a destroyed key, with no key id, and every other field as it was', async () => {
    const [read] = await codec().decrypt([photoErased()]);

    expect(read.data).toEqual({
      photo: { ...photoAttached().data.photo, caption: { $redacted: { kid: '', ...ORDER } } },
    });
  });

  it('is not found again by the search for its passage', async () => {
    const found = await codec().locate([{ ...photoErased(), eventId: 'old' }], (t) => t.includes(SOURCE));

    expect(found).toEqual({ encrypted: [], plaintext: [] });
  });

  it('is refused when shaped almost like one, rather than shown', () => {
    expect(decodeErasedField('text')).toBeUndefined();
    expect(decodeErasedField(erased)).toEqual(ORDER);
    for (const bad of [
      { $erased: { ...ORDER, text: SOURCE } },
      { $erased: { ...ORDER, reference: 7 } },
      { $erased: ORDER, text: SOURCE },
      { $erased: null },
    ]) {
      expect(() => decodeErasedField(bad)).toThrow(MalformedErasedField);
    }
  });
});

describe('what verification makes of an event that fails its hash', () => {
  it('erased, when every "$erased" is a well-formed value at a redactable path of its type', () => {
    expect(erasureOf(photoErased(), redactableFields)).toEqual({
      erased: { redactionIds: [ORDER.redactionId], paths: ['photo.caption'] },
    });
  });

  it('plain tampering, when it holds no "$erased"', () => {
    expect(erasureOf({ ...photoAttached(), metadata: {} }, redactableFields)).toEqual({ problem: null });
  });

  it('a problem naming the path, when an "$erased" is anywhere else', () => {
    const e = drafted();
    const at = (data: unknown, metadata: unknown = {}) => erasureOf({ type: e.type, data, metadata }, redactableFields);

    expect(at({ ...e.data, dateline: erased })).toEqual({
      problem: 'holds "$erased" at dateline, not a redactable field of Drafted',
    });
    expect(at({ ...e.data, body: [...e.data.body, erased] })).toEqual({
      problem: 'holds "$erased" at body[4], not a redactable field of Drafted',
    });
    expect(at(e.data, { actor: erased })).toEqual({
      problem: 'holds "$erased" at metadata.actor, which is not a redactable field',
    });
    expect(at({ ...e.data, headline: { $erased: { ...ORDER, extra: 'x' } } })).toEqual({
      problem: 'holds a malformed "$erased" at headline',
    });
    expect(erasureOf({ type: 'Approved', data: { by: erased }, metadata: {} }, redactableFields)).toMatchObject({
      problem: expect.stringContaining('not a redactable field of Approved'),
    });
  });

  it('a problem, when the check knows no redactable fields', () => {
    expect(erasureOf(photoErased(), undefined)).toEqual({ problem: expect.stringContaining('no redactable fields') });
  });
});
