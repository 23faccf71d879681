import { canonicalPath } from './canonical-path';

describe('the canonical path of a request', () => {
  const id = '6f1c2a9e-0000-4000-8000-000000000001';

  it.each([
    `/api/articles/${id}/photos`,
    `/api/articles//${id}/photos/`,
    `/api/articles/${id.toUpperCase()}/photos//`,
    `/api/articles/${id}/photos?x=1`,
    `//api/articles/${id}/photos`,
  ])('reads %s as the one route', (url) => {
    expect(canonicalPath(url)).toBe(`/api/articles/${id}/photos`);
  });

  it('keeps the root and different routes apart', () => {
    expect(canonicalPath('/')).toBe('/');
    expect(canonicalPath('/api/articles')).not.toBe(canonicalPath('/api/articles/x'));
  });
});
