import { parseEnv } from './env.schema';
import { databaseConnectionOf, loginOf, roleDatabaseUrls, withUser } from './database-urls';

describe("each process's database URL", () => {
  it('given no URL of its own, a process falls back to DATABASE_URL and names it', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://owner@db:5432/newsroom' });

    expect(databaseConnectionOf(env, 'api')).toEqual({
      url: 'postgres://owner@db:5432/newsroom',
      variable: 'DATABASE_URL',
    });
  });

  it('given its own URL, a process connects with it and names its variable', () => {
    const env = parseEnv({ RELAY_DATABASE_URL: 'postgres://newsroom_relay:s3cret@db/newsroom' });

    expect(databaseConnectionOf(env, 'relay')).toEqual({
      url: 'postgres://newsroom_relay:s3cret@db/newsroom',
      variable: 'RELAY_DATABASE_URL',
    });
  });

  it("npm start's URLs are DATABASE_URL with each default role as the user, unless a process has its own", () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:5432/newsroom?sslmode=disable',
      PROJECTOR_DATABASE_URL: 'postgres://reader@127.0.0.1/newsroom',
    });

    expect(roleDatabaseUrls(env)).toEqual({
      api: 'postgres://newsroom_api@127.0.0.1:5432/newsroom?sslmode=disable',
      relay: 'postgres://newsroom_relay@127.0.0.1:5432/newsroom?sslmode=disable',
      projector: 'postgres://reader@127.0.0.1/newsroom',
    });
  });

  it('reads the role and the password a URL logs in with, decoded', () => {
    expect(loginOf('postgres://newsroom_api:p%40ss%2Fword@db/newsroom')).toEqual({
      role: 'newsroom_api',
      password: 'p@ss/word',
    });
    expect(loginOf(withUser('postgres://postgres:pw@db/newsroom', 'newsroom_relay'))).toEqual({
      role: 'newsroom_relay',
    });
  });

  it('refuses a process URL that is not postgres:// in one line naming it', () => {
    expect(() => parseEnv({ API_DATABASE_URL: 'mysql://x' })).toThrow(
      'Invalid configuration: API_DATABASE_URL must be a postgres:// URL',
    );
  });
});
