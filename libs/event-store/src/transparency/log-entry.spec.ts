import { logEntry, logEntryText } from './log-entry';
import { leafHash, leafHashOfText } from './merkle.hash';

const event = {
  eventId: '7d1f3c1e-8f65-4c3b-9d0e-0b1f6c2f0a11',
  streamId: 'article-2b4e5c0d-1f0a-4c55-8a8e-6a3e2c1d0b9f',
  version: 12,
  type: 'ArticleRevised',
  schemaVersion: 2,
  data: { headline: 'Ça « marche » \u2028 😀', body: [{ z: 1, a: [true, null, 1e21, -0.5] }], é: '\u0000' },
  metadata: { actor: { role: 'editor', id: 'u1', name: 'Eda' }, commandId: 'c', causationId: 'c', correlationId: 'c' },
  occurredAt: '2026-02-13T10:05:00.000Z',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('the log entry written out for the sequencer', () => {
  it('is byte for byte the canonical entry, for nested, unicode and number-heavy events', () => {
    expect(Buffer.from(logEntryText(event), 'utf8')).toEqual(logEntry(event));
  });

  it('is the canonical entry for null data as well', () => {
    expect(Buffer.from(logEntryText({ ...event, data: null }), 'utf8')).toEqual(logEntry({ ...event, data: null }));
  });

  it('hashes to the same leaf as the entry bytes', () => {
    expect(leafHashOfText(logEntryText(event))).toEqual(leafHash(logEntry(event)));
  });
});
