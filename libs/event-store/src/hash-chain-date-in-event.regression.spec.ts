import { eventHash, GENESIS_HASH, type HashedFields } from './hash-chain';

// Bug: canonicalJson ignored toJSON, so a Date in event data was hashed as {} on append while
// PostgreSQL stored (and verify later hashed) its ISO string: the event could never verify.
describe('regression: a Date in event data breaks the hash chain', () => {
  const event: HashedFields = {
    eventId: '0d9b6c1a-3f2e-4a5b-8c7d-6e5f4a3b2c1d',
    streamId: 'article-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    version: 1,
    type: 'PublicationScheduled',
    schemaVersion: 1,
    data: { scheduledFor: new Date('2025-03-02T06:00:00.000Z') },
    metadata: { actor: { id: 'user-1', name: 'Desk', role: 'editor' } },
    occurredAt: '2025-03-01T09:30:00.000Z',
  };
  const asStored = JSON.parse(JSON.stringify(event)) as HashedFields;

  it('hashes the Date as the ISO string PostgreSQL stores, so the stored event verifies', () => {
    expect(eventHash(GENESIS_HASH, asStored)).toBe(eventHash(GENESIS_HASH, event));
  });
});
