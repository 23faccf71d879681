import { KeyCache } from './key-cache';

const key = (n: number) => Buffer.alloc(32, n);

describe('the key cache', () => {
  it('keeps at most its bound, dropping the least recently used', () => {
    const cache = new KeyCache(2, 60_000);
    cache.set('a', key(1));
    cache.set('b', key(2));
    cache.get('a');

    cache.set('c', key(3));

    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(key(1));
    expect(cache.get('c')).toEqual(key(3));
    expect(cache.size).toBe(2);
  });

  it('stops serving a key older than its age bound, so a key destroyed elsewhere is not used for long', () => {
    let now = 0;
    const cache = new KeyCache(10, 1000, () => now);
    cache.set('a', key(1));

    now = 1000;
    expect(cache.get('a')).toEqual(key(1));
    now = 1001;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets the keys it is told were destroyed', () => {
    const cache = new KeyCache();
    cache.set('a', key(1));
    cache.set('b', key(2));

    cache.forget(['a']);

    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual(key(2));
  });
});
