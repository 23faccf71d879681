import { canonicalJson, eventHash, GENESIS_HASH, type HashedFields } from './hash-chain';

// Hashes computed by the hash chain as it stood before it was checked against RFC 8785, pinned as
// literals: events already stored were hashed that way, so these must never change.
const DRAFTED_HASH = '44c32c0e17a3a0e8ce8e3481edbe67b5d839962dba3e0f8701ff393aa8e4ef23';
const NUMBERS_HASH = 'ff3b4678208f47b232e61c1a03ac69c0e0701e90ffcbbde90f39b1013ecaeed8';
const CHAINED_HASH = '88fc68275873f169ab56ab5b4567ec03abdc043a0270840ae2c685acaefcc8a4';

const metadata = {
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  actor: { role: 'reporter', name: 'Zoë Ångström 記者', id: 'user-1' },
  commandId: 'c0ffee00-0000-4000-8000-000000000002',
  causationId: 'c0ffee00-0000-4000-8000-000000000002',
};

const drafted: HashedFields = {
  eventId: '6f1c2a1e-9d2b-4c1e-8f3a-0a1b2c3d4e5f',
  streamId: 'article-0b7e6d3c-5a4f-4e2d-9c1b-1a2b3c4d5e6f',
  version: 1,
  type: 'ArticleDrafted',
  schemaVersion: 1,
  data: {
    headline: 'Harbour reopens — "at last" 😂',
    standfirst: 'Ferries run again\nafter the storm\t(week 3).',
    body: [
      { type: 'subheading', text: 'Réouverture' },
      { type: 'quote', text: 'We are open.', attribution: 'Harbour master' },
      { type: 'photo', photoId: 'photo-1' },
    ],
    tags: ['harbour', 'ferries', 'météo'],
    sections: [],
    embargoUntil: null,
    language: 'fr',
    source: { wire: false, agency: null },
  },
  metadata,
  occurredAt: '2025-03-01T09:30:00.000Z',
};

const numbers: HashedFields = {
  eventId: '7a2d3b2f-0e3c-4d2f-9a4b-1b2c3d4e5f60',
  streamId: drafted.streamId,
  version: 2,
  type: 'NumbersNoted',
  schemaVersion: 2,
  data: {
    counts: [0, -0, 1, -1, 42, 9007199254740991, 1e21, 1e-7, 0.1, 0.000001, 333333333.3333333, -4.5],
    nested: { z: { y: { x: [[], {}, [null, true, false]] } }, a: 'first', B: 'capital', é: 'accent', '': 'empty' },
    skipped: undefined,
  },
  metadata: { ...metadata, scheduledBy: { id: 'user-2', name: 'Desk', role: 'editor' } },
  occurredAt: '2025-03-01T09:31:00.000Z',
};

// What PostgreSQL hands back: jsonb reorders keys and drops undefined; verify hashes that copy.
const fromJsonb = (e: HashedFields): HashedFields => JSON.parse(JSON.stringify(e)) as HashedFields;

describe('hash chain: events stored before must still verify', () => {
  it.each([
    ['an article drafted with nested blocks, unicode and escapes', drafted, DRAFTED_HASH],
    ['an event of numbers, nested empties and awkward keys', numbers, NUMBERS_HASH],
  ])('given %s, then its hash is the one it was stored with', (_, event, hash) => {
    expect(eventHash(GENESIS_HASH, event)).toBe(hash);
    expect(eventHash(GENESIS_HASH, fromJsonb(event))).toBe(hash);
  });

  it('chains each hash into the next', () => {
    expect(eventHash(DRAFTED_HASH, numbers)).toBe(CHAINED_HASH);
  });

  it('canonicalises a request body to the same bytes as before', () => {
    expect(canonicalJson({ headline: 'Ü', body: [{ type: 'paragraph', text: 'a' }] })).toBe(
      '{"body":[{"text":"a","type":"paragraph"}],"headline":"Ü"}',
    );
  });
});
