import { DemoUsersInProduction, seedsDemoUsers } from './demo-users.policy';

describe('seeding the demo users', () => {
  it('seeds them by default outside production, unless switched off', () => {
    expect(seedsDemoUsers({ NODE_ENV: 'development' })).toBe(true);
    expect(seedsDemoUsers({ NODE_ENV: 'test' })).toBe(true);
    expect(seedsDemoUsers({ NODE_ENV: 'development', SEED_DEMO_USERS: 'false' })).toBe(false);
  });

  it('never seeds them in production, and refuses to start when asked to', () => {
    expect(seedsDemoUsers({ NODE_ENV: 'production' })).toBe(false);
    expect(seedsDemoUsers({ NODE_ENV: 'production', SEED_DEMO_USERS: 'false' })).toBe(false);
    expect(() => seedsDemoUsers({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true' })).toThrow(DemoUsersInProduction);
  });
});
