import { parseEnv } from '@newsroom/settings';
import { kafkaSecurityOf, kafkaSettingsOf } from './kafka.security';

// No SCRAM or TLS broker runs here: these pin the mapping from the environment to kafkajs options.
const files: Record<string, string> = {
  '/etc/kafka/ca.pem': 'CA PEM',
  '/etc/kafka/client.pem': 'CERT PEM',
  '/etc/kafka/client.key': 'KEY PEM',
};
const read = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
  return files[path];
};

describe('Kafka security from the environment', () => {
  it('is plaintext with nothing set', () => {
    expect(kafkaSecurityOf(parseEnv({}), read)).toEqual({});
  });

  it('is TLS against the system trust store with only KAFKA_SSL', () => {
    expect(kafkaSecurityOf(parseEnv({ KAFKA_SSL: 'true' }), read)).toEqual({ ssl: true });
  });

  it('verifies the brokers against the given CA, and presents a client certificate for mutual TLS', () => {
    const env = parseEnv({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SSL_CERT_FILE: '/etc/kafka/client.pem',
      KAFKA_SSL_KEY_FILE: '/etc/kafka/client.key',
    });

    expect(kafkaSecurityOf(env, read)).toEqual({
      ssl: { rejectUnauthorized: true, ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' },
    });
  });

  it.each(['scram-sha-256', 'scram-sha-512'])('authenticates with SASL %s over TLS', (mechanism) => {
    const env = parseEnv({
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: mechanism,
      KAFKA_SASL_USERNAME: 'projector',
      KAFKA_SASL_PASSWORD: 's3cret',
    });

    expect(kafkaSecurityOf(env, read)).toEqual({
      ssl: true,
      sasl: { mechanism, username: 'projector', password: 's3cret' },
    });
  });

  it('stops at start-up naming the variable whose file cannot be read', () => {
    const env = parseEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' });

    expect(() => kafkaSecurityOf(env, read)).toThrow(/^Invalid configuration: KAFKA_SSL_CA_FILE cannot be read/);
  });

  it('gives each process its brokers, its own client id and the security', () => {
    const env = parseEnv({ KAFKA_BROKERS: 'k1:9093,k2:9093', KAFKA_SSL: 'true', KAFKA_CLIENT_ID: 'nr' });

    expect(kafkaSettingsOf(env, 'projector', read)).toEqual({
      brokers: ['k1:9093', 'k2:9093'],
      clientId: 'nr-projector',
      ssl: true,
    });
  });
});
