import { z } from 'zod';
import { envSchema, InvalidEnvironment, parseEnv, parseSettings } from './env.schema';

describe('the shared settings', () => {
  it('given nothing set, then every setting has its local default', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/newsroom',
      DATABASE_SCHEMA: 'public',
      DATABASE_POOL_SIZE: 20,
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CLIENT_ID: 'newsroom',
      KAFKA_TOPIC_PREFIX: '',
      LOG_LEVEL: 'info',
    });
  });

  it('refuses wrong values in one line that names each variable', () => {
    const parse = () => parseEnv({ DATABASE_URL: 'mysql://x', DATABASE_POOL_SIZE: '0' });

    expect(parse).toThrow(InvalidEnvironment);
    expect(parse).toThrow(/^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL; DATABASE_POOL_SIZE .+$/);
  });

  it("parses an app's own variables on top of the shared ones the same way", () => {
    const schema = envSchema.extend({ EXTRA_PORT: z.coerce.number().int().default(1) });

    expect(parseSettings(schema, { EXTRA_PORT: '8080' })).toMatchObject({ EXTRA_PORT: 8080, LOG_LEVEL: 'info' });
    expect(() => parseSettings(schema, { EXTRA_PORT: 'x' })).toThrow(/^Invalid configuration: EXTRA_PORT /);
  });
});
