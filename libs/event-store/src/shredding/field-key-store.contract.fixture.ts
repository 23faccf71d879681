import { randomBytes, randomUUID } from 'node:crypto';
import type { RedactionNotice } from './field-envelope';
import type { FieldKeyStore, WrappedFieldKey } from './field-key-store';

/**
 * What every field key store promises, as one suite: run by field-key-store.in-memory.spec.ts and
 * against PostgreSQL by field-key-store.int-spec.ts.
 */
export function fieldKeyStoreContract(store: () => FieldKeyStore): void {
  const aKey = (streamId = 'article-1'): WrappedFieldKey => ({
    kid: randomBytes(16).toString('base64url'),
    streamId,
    masterKeyId: '0123456789abcdef',
    wrapped: randomBytes(60),
  });
  const anOrder = (reference: string): RedactionNotice => ({
    redactionId: randomUUID(),
    redactedAt: '2026-12-02T09:30:00.000Z',
    legalBasis: 'Court order',
    reference,
  });

  it('gives back the keys it stored, in one call, and nothing for a kid it never held', async () => {
    const [a, b] = [aKey(), aKey('article-2')];
    await store().insert([a, b]);

    const found = await store().fetch([a.kid, b.kid, 'never-stored']);

    expect(found.get(a.kid)).toEqual({ live: a });
    expect(found.get(b.kid)).toEqual({ live: b });
    expect(found.has('never-stored')).toBe(false);
  });

  it('once a key is destroyed, gives the order that destroyed it and never the key again', async () => {
    const [gone, kept] = [aKey(), aKey()];
    await store().insert([gone, kept]);
    const order = anOrder('HC-2026-0042');

    expect(await store().destroy([gone.kid, 'never-stored'], order)).toBe(1);

    const found = await store().fetch([gone.kid, kept.kid]);
    expect(found.get(gone.kid)).toEqual({ destroyed: order });
    expect(found.get(kept.kid)).toEqual({ live: kept });
  });

  it('keeps the first order when a key is destroyed again', async () => {
    const k = aKey();
    await store().insert([k]);
    const [first, second] = [anOrder('first'), anOrder('second')];

    await store().destroy([k.kid], first);

    expect(await store().destroy([k.kid], second)).toBe(0);
    expect((await store().fetch([k.kid])).get(k.kid)).toEqual({ destroyed: first });
  });

  it('lets two overlapping redactions at once both take effect, each key destroyed exactly once', async () => {
    const keys = [aKey(), aKey(), aKey()];
    await store().insert(keys);
    const [one, two] = [anOrder('one'), anOrder('two')];

    const counts = await Promise.all([
      store().destroy([keys[0].kid, keys[1].kid], one),
      store().destroy([keys[1].kid, keys[2].kid], two),
    ]);

    expect(counts[0] + counts[1]).toBe(3);
    const found = await store().fetch(keys.map((k) => k.kid));
    expect([...found.values()].every((r) => 'destroyed' in r)).toBe(true);
    expect(found.get(keys[0].kid)).toEqual({ destroyed: one });
    expect(found.get(keys[2].kid)).toEqual({ destroyed: two });
  });

  it('stores a batch all or none: a kid already held refuses the whole batch', async () => {
    const [held, fresh] = [aKey(), aKey()];
    await store().insert([held]);

    await expect(store().insert([fresh, { ...held, wrapped: randomBytes(60) }])).rejects.toThrow();

    expect((await store().fetch([fresh.kid])).size).toBe(0);
    expect((await store().fetch([held.kid])).get(held.kid)).toEqual({ live: held });
  });
}
