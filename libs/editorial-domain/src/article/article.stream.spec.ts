import { articleIdOfStream, articleStreamId } from '@newsroom/editorial-domain';

describe('article stream ids', () => {
  it('name an article stream after its article and give the id back', () => {
    const id = '5b0c4f3e-2f64-4a59-9d53-0c3a1d1f6a10';
    expect(articleStreamId(id)).toBe(`article-${id}`);
    expect(articleIdOfStream(articleStreamId(id))).toBe(id);
  });

  it('say a stream of another kind holds no article', () => {
    expect(articleIdOfStream('contribution-1')).toBeUndefined();
  });
});
