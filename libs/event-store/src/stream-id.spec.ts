import { parseStreamId, streamIdOf, streamPrefixOf } from './stream-id';

describe('stream names <type>-<id>', () => {
  it('reads the type up to the first hyphen and keeps every hyphen of the id', () => {
    expect(parseStreamId('article-3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b')).toEqual({
      streamType: 'article',
      id: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    });
    expect(parseStreamId('contribution-article-x')).toEqual({ streamType: 'contribution', id: 'article-x' });
  });

  it.each(['article', 'article-', '-x', 'Article-x', '9lives-x', 'user 1-x'])('refuses %j', (name) => {
    expect(parseStreamId(name)).toBeUndefined();
  });

  it('builds what it parses, and refuses a type that is not one lower-case word', () => {
    expect(parseStreamId(streamIdOf('counter', 'abc'))).toEqual({ streamType: 'counter', id: 'abc' });
    expect(streamPrefixOf('contribution')).toBe('contribution-');
    expect(() => streamIdOf('Contribution', 'x')).toThrow(/lower-case/);
  });
});
