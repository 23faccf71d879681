import { SessionCache } from './session.cache';

type User = { id: string; roles: string[] };

describe('the session cache', () => {
  let now = 0;
  let reads = 0;
  let stored: User | undefined;
  const load = async () => {
    reads++;
    return stored && { ...stored };
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    now = 0;
    reads = 0;
    stored = { id: 'u1', roles: ['editor'] };
  });

  it('reads the store once for concurrent requests, and again once the cache time is over', async () => {
    const cache = new SessionCache<User>(2000, () => now);
    await Promise.all([cache.get('s1', load), cache.get('s1', load)]);
    expect(reads).toBe(1);
    now = 1999;
    await cache.get('s1', load);
    expect(reads).toBe(1);
    stored = { id: 'u1', roles: [] };
    now = 2000;
    expect(await cache.get('s1', load)).toEqual({ id: 'u1', roles: [] });
    expect(reads).toBe(2);
  });

  it('forgets every session of a user at once when the user changes, and only theirs', async () => {
    const cache = new SessionCache<User>(2000, () => now);
    await cache.get('s1', load);
    await cache.get('s2', load);
    await cache.get('other', async () => ({ id: 'u2', roles: ['auditor'] }));
    await settle();
    stored = undefined;
    cache.forgetUser('u1');
    expect(await cache.get('s1', load)).toBeUndefined();
    expect(await cache.get('s2', load)).toBeUndefined();
    expect(await cache.get('other', async () => undefined)).toEqual({ id: 'u2', roles: ['auditor'] });
  });

  it('does not keep a read that was in flight when the user changed', async () => {
    const cache = new SessionCache<User>(2000, () => now);
    const inFlight = cache.get('s1', load);
    stored = { id: 'u1', roles: [] };
    cache.forgetUser('u1');
    await inFlight;
    expect(await cache.get('s1', load)).toEqual({ id: 'u1', roles: [] });
  });

  it('forgets a logged-out session', async () => {
    const cache = new SessionCache<User>(2000, () => now);
    await cache.get('s1', load);
    stored = undefined;
    cache.forgetSession('s1');
    expect(await cache.get('s1', load)).toBeUndefined();
  });

  it('with a cache time of 0, reads the store on every request', async () => {
    const cache = new SessionCache<User>(0, () => now);
    await cache.get('s1', load);
    await cache.get('s1', load);
    expect(reads).toBe(2);
  });
});
