import { VerifiedTokenCache } from './verified-token.cache';

describe('the verified token cache', () => {
  it('returns a payload until the token expires, then forgets it', () => {
    const cache = new VerifiedTokenCache<{ exp: number; sub: string }>();
    cache.set('t', { exp: 100, sub: 'u1' });
    expect(cache.get('t', 99)?.sub).toBe('u1');
    expect(cache.get('t', 100)).toBeUndefined();
    expect(cache.get('t', 50)).toBeUndefined();
  });

  it('evicts the oldest token when full', () => {
    const cache = new VerifiedTokenCache<{ exp: number }>(2);
    cache.set('a', { exp: 9e9 });
    cache.set('b', { exp: 9e9 });
    cache.set('c', { exp: 9e9 });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});
