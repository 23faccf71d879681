import { describe, expect, it } from '@jest/globals';
import type { BodyBlockView, HistoryEntry } from '@newsroom/contracts';
import { bodyText, bodyWordDiff, captionsOf, noCaptions } from './body-text';

const captions = (id: string) => ({ p1: 'Ferry at the quay' })[id];

describe('the body as an editor reads it', () => {
  it('reads each kind of block in words, a blank line between blocks', () => {
    const body: BodyBlockView[] = [
      { type: 'subheading', text: 'The vote' },
      { type: 'paragraph', text: 'Councillors met on Tuesday.' },
      { type: 'quote', text: 'We will keep it open', attribution: 'The mayor' },
      { type: 'quote', text: 'No comment' },
      { type: 'photo', photoId: 'p1' },
    ];
    expect(bodyText(body, captions).split('\n\n')).toEqual([
      'Subheading: The vote',
      'Councillors met on Tuesday.',
      '“We will keep it open” — The mayor',
      '“No comment”',
      'Photo: Ferry at the quay',
    ]);
  });

  it('says when a photo’s caption is not known or none was chosen, rather than showing an id', () => {
    expect(bodyText([{ type: 'photo', photoId: 'gone' }], captions)).toBe('Photo: (caption not known here)');
    expect(bodyText([{ type: 'photo', photoId: '' }], noCaptions)).toBe('Photo: (none chosen)');
  });
});

describe('the body’s word diff', () => {
  it('marks only the words that changed', () => {
    const parts = bodyWordDiff(
      [{ type: 'paragraph', text: 'The ferry ran six times.' }],
      [{ type: 'paragraph', text: 'The ferry ran seven times.' }],
      noCaptions,
    );
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['six']);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['seven']);
    expect(parts.map((p) => (p.op === 'insert' ? '' : p.text)).join('')).toBe('The ferry ran six times.');
  });

  it('shows a changed quote attribution in words', () => {
    const parts = bodyWordDiff(
      [{ type: 'quote', text: 'Open', attribution: 'The mayor' }],
      [{ type: 'quote', text: 'Open', attribution: 'The deputy mayor' }],
      noCaptions,
    );
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['deputy']);
  });

  it('takes a redacted value’s label whole against the text re-issued in its place', () => {
    const label = 'Redacted 2026-12-02 · Contempt of Court Act 1981, s.10 · HC-2030-0117';
    const parts = bodyWordDiff(
      [
        { type: 'paragraph', text: label },
        { type: 'quote', text: 'Open', attribution: label },
      ],
      [
        { type: 'paragraph', text: 'The plan was passed to us at the harbour.' },
        { type: 'quote', text: 'Open', attribution: 'The harbour master' },
      ],
      noCaptions,
    );
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual([label, label]);
    expect(parts.filter((p) => p.op === 'equal').map((p) => p.text)).toContain('\n\n“Open” — ');
  });
});

describe('captions from the history', () => {
  const entry = (changes: HistoryEntry['changes']) => ({ changes }) as HistoryEntry;

  it('knows a photo attached earlier, under its latest caption', () => {
    const captionOf = captionsOf([
      entry([{ field: 'photos[p1]', before: null, after: { photoId: 'p1', caption: 'Quay', credit: 'A', url: 'u' } }]),
      entry([{ field: 'photos[p1].caption', before: 'Quay', after: 'The quay at dawn' }]),
    ]);
    expect(captionOf('p1')).toBe('The quay at dawn');
    expect(captionOf('p2')).toBeUndefined();
  });

  it('knows a detached photo by the caption it had', () => {
    const detached = { photoId: 'p3', caption: 'Old pier', credit: 'B', url: 'u' };
    expect(captionsOf([entry([{ field: 'photos[p3]', before: detached, after: null }])])('p3')).toBe('Old pier');
  });
});
