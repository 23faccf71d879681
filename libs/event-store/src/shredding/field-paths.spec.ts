import { fieldPathsIn, fieldsIn, mapFields } from './field-paths';

const drafted = {
  articleId: 'a1',
  headline: 'Harbour reopens',
  body: [
    { type: 'paragraph', text: 'Ferries are back.' },
    { type: 'photo', photoId: 'p1' },
    { type: 'quote', text: 'At last.', attribution: 'Ada Lindqvist' },
  ],
};
const PATTERNS = ['headline', 'standfirst', 'body[*].text', 'body[*].attribution'];

describe('field paths', () => {
  it('reach every item of a list and skip the members an event does not carry', () => {
    expect(fieldPathsIn(drafted, PATTERNS)).toEqual([
      'headline',
      'body[0].text',
      'body[2].text',
      'body[2].attribution',
    ]);
  });

  it('give the values they reach beside their paths', () => {
    expect(fieldsIn(drafted, ['body[*].attribution', 'headline'])).toEqual([
      { path: 'body[2].attribution', value: 'Ada Lindqvist' },
      { path: 'headline', value: 'Harbour reopens' },
    ]);
  });

  it('reach into nested members', () => {
    expect(fieldPathsIn({ changes: { body: [{ text: 'x' }] } }, ['changes.body[*].text'])).toEqual([
      'changes.body[0].text',
    ]);
  });

  it('replace the values reached, copying only what leads to them', () => {
    const out = mapFields(drafted, ['body[*].attribution'], (v) => `<${String(v)}>`) as typeof drafted;

    expect(out.body[2]).toEqual({ type: 'quote', text: 'At last.', attribution: '<Ada Lindqvist>' });
    expect(drafted.body[2].attribution).toBe('Ada Lindqvist');
    expect(out.body[0]).toBe(drafted.body[0]);
  });

  it('answer the same object when nothing changed, so a payload without free text costs no copy', () => {
    expect(mapFields(drafted, PATTERNS, (v) => v)).toBe(drafted);
    expect(mapFields({ photoId: 'p1' }, ['photo.caption'], () => 'x')).toEqual({ photoId: 'p1' });
  });

  it('skip a member that is not the list or object the pattern expects', () => {
    expect(fieldPathsIn({ body: 'not a list', changes: null }, ['body[*].text', 'changes.headline'])).toEqual([]);
  });

  it('refuse a pattern that is not a path', () => {
    expect(() => fieldPathsIn({}, ['body[0].text'])).toThrow(/Not a field path pattern/);
  });
});
