import { z } from 'zod';
import { envSchema, InvalidEnvironment, parseEnv, parseSettings } from './env.schema';

describe('the shared settings', () => {
  it('given nothing set, then every setting has its local default', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/newsroom',
      DATABASE_SCHEMA: 'public',
      DATABASE_POOL_SIZE: 20,
      DATABASE_POOL_MIN: 4,
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CLIENT_ID: 'newsroom',
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_SSL: false,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'auto',
    });
  });

  it('takes TLS and SASL/SCRAM for Kafka from the environment', () => {
    const env = parseEnv({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'projector',
      KAFKA_SASL_PASSWORD: 'secret',
    });

    expect(env).toMatchObject({
      KAFKA_SSL: true,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'projector',
    });
  });

  it.each([
    [{ KAFKA_SASL_MECHANISM: 'plain' }, /KAFKA_SASL_MECHANISM /],
    [{ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u' }, /needs KAFKA_SASL_USERNAME and KAFKA_SASL/],
    [{ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' }, /need KAFKA_SASL_MECHANISM/],
    [{ KAFKA_SSL_CA_FILE: '/ca.pem' }, /need KAFKA_SSL=true/],
    [{ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: '/c.pem' }, /KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together/],
    [{ KAFKA_SSL: 'maybe' }, /^Invalid configuration: KAFKA_SSL /],
  ])('refuses an incomplete or unknown Kafka security setting %#, naming the variable', (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
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
