import { someDraftFields } from '@newsroom/testing';
import type { ArticleContent } from '@newsroom/editorial-domain';
import { bodyText, fieldChanges, wordDiff, type DiffPart } from './word-diff';

const beforeOf = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
const afterOf = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');

describe('word diff', () => {
  it('given identical texts, then the whole text is one equal part', () => {
    expect(wordDiff('The harbour reopened.', 'The harbour reopened.')).toEqual([
      { op: 'equal', text: 'The harbour reopened.' },
    ]);
  });

  it('when a redacted value meets its re-issued text, then the label goes whole and the text comes whole', () => {
    const label = 'Redacted 2026-12-02 · Contempt of Court Act 1981, s.10 · HC-2030-0117';
    const reissued = 'The plan was passed to us at the harbour.';

    expect(wordDiff(`${label}\n\nUnchanged.`, `${reissued}\n\nUnchanged.`)).toEqual([
      { op: 'delete', text: label },
      { op: 'insert', text: reissued },
      { op: 'equal', text: '\n\nUnchanged.' },
    ]);
    expect(wordDiff(`> Quote — ${label}`, '> Quote — Harbour master')).toEqual([
      { op: 'equal', text: '> Quote — ' },
      { op: 'delete', text: label },
      { op: 'insert', text: 'Harbour master' },
    ]);
  });

  it('given two empty texts, then there are no parts', () => {
    expect(wordDiff('', '')).toEqual([]);
  });

  it('given an empty before, then everything is inserted', () => {
    expect(wordDiff('', 'New text here')).toEqual([{ op: 'insert', text: 'New text here' }]);
  });

  it('given an empty after, then everything is deleted', () => {
    expect(wordDiff('Old text', '')).toEqual([{ op: 'delete', text: 'Old text' }]);
  });

  it('when one word is replaced, then that word alone is deleted then inserted', () => {
    expect(wordDiff('the quick brown fox', 'the slow brown fox')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'quick' },
      { op: 'insert', text: 'slow' },
      { op: 'equal', text: ' brown fox' },
    ]);
  });

  it('when words are inserted, then only they are inserted', () => {
    expect(wordDiff('the fox jumps', 'the quick red fox jumps')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'insert', text: 'quick red ' },
      { op: 'equal', text: 'fox jumps' },
    ]);
  });

  it('when words are deleted, then only they are deleted', () => {
    expect(wordDiff('the quick red fox jumps', 'the fox jumps')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'quick red ' },
      { op: 'equal', text: 'fox jumps' },
    ]);
  });

  it('when neighbouring words are replaced, then the space between them does not split the change', () => {
    expect(wordDiff('a quick brown fox', 'a slow red fox')).toEqual([
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'quick brown' },
      { op: 'insert', text: 'slow red' },
      { op: 'equal', text: ' fox' },
    ]);
  });

  it('when a word moves from the start to the end, then the words in between stay equal', () => {
    expect(wordDiff('a b c d', 'b c d a')).toEqual([
      { op: 'delete', text: 'a ' },
      { op: 'equal', text: 'b c d' },
      { op: 'insert', text: ' a' },
    ]);
  });

  it('keeps whitespace exactly: newlines and double spaces survive, and a spacing change is a change', () => {
    const parts = wordDiff('one\n\ntwo  three', 'one\n\ntwo three');

    expect(parts).toEqual([
      { op: 'equal', text: 'one\n\ntwo' },
      { op: 'delete', text: '  ' },
      { op: 'insert', text: ' ' },
      { op: 'equal', text: 'three' },
    ]);
  });

  it('when only the punctuation after a word changes, then only the punctuation is replaced', () => {
    expect(wordDiff('The harbour reopened.', 'The harbour reopened!')).toEqual([
      { op: 'equal', text: 'The harbour reopened' },
      { op: 'delete', text: '.' },
      { op: 'insert', text: '!' },
    ]);
  });

  it('keeps contractions and numbers whole', () => {
    expect(wordDiff("Prices didn't rise 3.5% to €1,200.50", "Prices didn't rise 4.1% to €1,250.00")).toEqual([
      { op: 'equal', text: "Prices didn't rise " },
      { op: 'delete', text: '3.5' },
      { op: 'insert', text: '4.1' },
      { op: 'equal', text: '% to €' },
      { op: 'delete', text: '1,200.50' },
      { op: 'insert', text: '1,250.00' },
    ]);
  });

  it('compares words of any script whole, not letter by letter', () => {
    expect(wordDiff('Гавань снова открыта сегодня', 'Гавань открыта вчера')).toEqual([
      { op: 'equal', text: 'Гавань ' },
      { op: 'delete', text: 'снова ' },
      { op: 'equal', text: 'открыта ' },
      { op: 'delete', text: 'сегодня' },
      { op: 'insert', text: 'вчера' },
    ]);
  });

  it('compares Chinese and Japanese text character by character, as it has no spaces between words', () => {
    expect(wordDiff('港口今天重新开放', '港口昨天重新开放')).toEqual([
      { op: 'equal', text: '港口' },
      { op: 'delete', text: '今' },
      { op: 'insert', text: '昨' },
      { op: 'equal', text: '天重新开放' },
    ]);
  });

  it.each([
    ['The council met on Monday.', 'On Tuesday, the council met again and voted.'],
    ['alpha beta gamma delta epsilon', 'beta alpha delta gamma zeta epsilon eta'],
    ['  leading and trailing  ', 'leading, and trailing'],
    ['x y x y x y', 'y x y x'],
  ])('rebuilds both texts from the parts: %j → %j', (before, after) => {
    const parts = wordDiff(before, after);

    expect(beforeOf(parts)).toBe(before);
    expect(afterOf(parts)).toBe(after);
    parts.slice(1).forEach((part, i) => expect(part.op).not.toBe(parts[i]!.op));
  });

  it('given a 10,000-word text with fifty scattered edits, then it finds exactly those edits', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`);
    const edited = words.map((w, i) => (i % 200 === 100 ? `CHANGED${i}` : w));

    const parts = wordDiff(words.join(' '), edited.join(' '));

    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(words.filter((_, i) => i % 200 === 100));
    expect(parts.filter((p) => p.op === 'insert')).toHaveLength(50);
    expect(afterOf(parts)).toBe(edited.join(' '));
  });

  it('given two unrelated long texts, then it falls back to deleting all and inserting all', () => {
    const before = Array.from({ length: 6_000 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 6_000 }, (_, i) => `new${i}`).join(' ');

    expect(wordDiff(before, after)).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });
});

describe('body text', () => {
  it('renders each block type, separated by blank lines', () => {
    expect(
      bodyText([
        { type: 'subheading', text: 'Reopening' },
        { type: 'paragraph', text: 'The harbour reopened.' },
        { type: 'quote', text: 'We are open.', attribution: 'Harbour master' },
        { type: 'quote', text: 'At last.' },
        { type: 'photo', photoId: 'photo-1' },
      ]),
    ).toBe('## Reopening\n\nThe harbour reopened.\n\n> We are open. — Harbour master\n\n> At last.\n\n[photo photo-1]');
  });

  it('is empty for an empty body', () => {
    expect(bodyText([])).toBe('');
  });
});

describe('field changes', () => {
  const content = (overrides: Partial<ArticleContent> = {}): ArticleContent => ({
    ...someDraftFields(),
    contributors: [],
    photos: [],
    ...overrides,
  });

  it('given equal content, then there are no changes, even with keys in another order', () => {
    const before = content({ body: [{ type: 'quote', text: 'Hi', attribution: 'Al' }] });
    const after = content({ body: [{ attribution: 'Al', text: 'Hi', type: 'quote' }] });

    expect(fieldChanges(before, after)).toEqual([]);
  });

  it('lists each differing field once, in field order, with whole values before and after', () => {
    const before = content({ headline: 'Old', tags: ['a'] });
    const after = content({
      tags: ['a', 'b'],
      headline: 'New',
      photos: [{ photoId: 'p', url: 'https://x.example/p.jpg', caption: 'c', credit: 'd' }],
    });

    expect(fieldChanges(before, after)).toEqual([
      { field: 'headline', before: 'Old', after: 'New' },
      { field: 'tags', before: ['a'], after: ['a', 'b'] },
      { field: 'photos', before: [], after: after.photos },
    ]);
  });

  it('given no article before, then every field is listed with a null before', () => {
    const changes = fieldChanges(null, content());

    expect(changes.map((c) => c.field)).toEqual([
      'headline',
      'standfirst',
      'dateline',
      'body',
      'sections',
      'tags',
      'language',
      'source',
      'embargoUntil',
      'contributors',
      'photos',
    ]);
    expect(changes.every((c) => c.before === null)).toBe(true);
  });
});
