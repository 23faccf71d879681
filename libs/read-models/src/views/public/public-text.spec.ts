import { readableRow, REMOVED_TEXT } from './public-text';

const marker = {
  $redacted: { kid: 'k', redactionId: 'r', redactedAt: '2026-12-02T10:00:00Z', legalBasis: 'b', reference: 'x' },
};

describe('a public row made readable', () => {
  it('is the very same object when it holds no marker, so a render allocates nothing for it', () => {
    const row = { content: { headline: 'H', body: [{ type: 'paragraph', text: 'p' }], tags: ['a'] }, version: 3 };

    expect(readableRow(row)).toBe(row);
  });

  it('reads a marker as removed text, copying only the objects on its path', () => {
    const photos = [{ caption: 'kept' }];
    const row = { content: { headline: 'H', body: [{ type: 'quote', text: 'q', attribution: marker }], photos } };

    const readable = readableRow(row);

    expect(readable.content.body[0]).toEqual({ type: 'quote', text: 'q', attribution: REMOVED_TEXT });
    expect(row.content.body[0].attribution).toBe(marker);
    expect(readable.content.photos).toBe(photos);
  });
});
