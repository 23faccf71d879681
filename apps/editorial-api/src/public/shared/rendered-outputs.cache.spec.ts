import { RenderedOutputs } from './rendered-outputs.cache';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const bytes = (text: string) => Buffer.from(text);

describe('rendered public output', () => {
  it('is served only for the version it was rendered from', () => {
    const cache = new RenderedOutputs(1024);
    cache.put(A, 13, 'page', bytes('<h1>v13</h1>'));

    expect(cache.get(A, 13, 'page')?.body.toString()).toBe('<h1>v13</h1>');
    expect(cache.get(A, 14, 'page')).toBeUndefined();
    expect(cache.get(A, 13, 'ninjs')).toBeUndefined();
  });

  it('names the held version of a kind for revalidation, by id and by a slug that led to it', () => {
    const cache = new RenderedOutputs(1024);
    cache.put(A, 13, 'page', bytes('<h1>v13</h1>'), 'old-slug-aaaaaaaa');

    expect(cache.held({ slug: 'old-slug-aaaaaaaa' }, 'page')).toEqual({ articleId: A, version: 13 });
    expect(cache.held({ articleId: A }, 'page')).toEqual({ articleId: A, version: 13 });
    expect(cache.held({ articleId: A }, 'ninjs')).toBeUndefined();
    expect(cache.held({ slug: 'another-slug' }, 'page')).toBeUndefined();
  });

  it('forgets every kind of an older version once a newer version is kept', () => {
    const cache = new RenderedOutputs(1024);
    cache.put(A, 13, 'page', bytes('<h1>v13</h1>'));
    cache.put(A, 13, 'ninjs', bytes('{"version":"13"}'));
    cache.put(A, 16, 'ninjs', bytes('{"version":"16"}'));

    expect(cache.held({ articleId: A }, 'page')).toBeUndefined();
    expect(cache.get(A, 13, 'ninjs')).toBeUndefined();
    expect(cache.size).toEqual({ articles: 1, bytes: '{"version":"16"}'.length });
  });

  it('drops the least recently read article past its byte bound, and its slugs with it', () => {
    const cache = new RenderedOutputs(25);
    cache.put(A, 1, 'page', bytes('x'.repeat(10)), 'slug-a');
    cache.put(B, 1, 'page', bytes('y'.repeat(10)));
    cache.get(A, 1, 'page');
    cache.put(C, 1, 'page', bytes('z'.repeat(10)));

    expect(cache.get(B, 1, 'page')).toBeUndefined();
    expect(cache.get(A, 1, 'page')).toBeDefined();
    expect(cache.size).toEqual({ articles: 2, bytes: 20 });
    cache.put(B, 1, 'page', bytes('y'.repeat(10))); // drops C, read before A above
    cache.put(C, 1, 'page', bytes('z'.repeat(10))); // drops A
    expect(cache.held({ slug: 'slug-a' }, 'page')).toBeUndefined();
  });

  it('keeps an output larger than its bound until the next one, so the request that rendered it is served', () => {
    const cache = new RenderedOutputs(5);

    expect(cache.put(A, 1, 'page', bytes('x'.repeat(10))).body).toHaveLength(10);
    expect(cache.get(A, 1, 'page')).toBeDefined();
  });

  it('gives strong ETags led by the version, equal for equal bytes and different for different ones', () => {
    const cache = new RenderedOutputs(1024);
    const page = cache.put(A, 13, 'page', bytes('<h1>same</h1>'));
    const ninjs = cache.put(B, 13, 'ninjs', bytes('<h1>same</h1>'));
    const other = cache.put(C, 13, 'page', bytes('<h1>other</h1>'));

    expect(page.etag).toMatch(/^"13-[\w-]{22}"$/);
    expect(ninjs.etag).toBe(page.etag);
    expect(other.etag).not.toBe(page.etag);
  });
});
