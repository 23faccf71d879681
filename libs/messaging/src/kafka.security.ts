import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { InvalidEnvironment, type Env } from '@newsroom/settings';
import { parseBrokers, type KafkaSettings } from './kafka.factory';

export type KafkaEnv = Pick<
  Env,
  | 'KAFKA_BROKERS'
  | 'KAFKA_CLIENT_ID'
  | 'KAFKA_SSL'
  | 'KAFKA_SSL_CA_FILE'
  | 'KAFKA_SSL_CERT_FILE'
  | 'KAFKA_SSL_KEY_FILE'
  | 'KAFKA_SASL_MECHANISM'
  | 'KAFKA_SASL_USERNAME'
  | 'KAFKA_SASL_PASSWORD'
>;

/** What kafkajs takes for TLS and SASL; both absent means plaintext. */
export interface KafkaSecurity {
  ssl?: ConnectionOptions | true;
  sasl?: SASLOptions;
}

export type ReadPem = (path: string) => string;
const readPem: ReadPem = (path) => readFileSync(path, 'utf8');

/**
 * The TLS and SASL/SCRAM options of the environment. Certificates are read once here, so a missing
 * file stops the process at start-up naming its variable, rather than failing each connection.
 */
export function kafkaSecurityOf(env: KafkaEnv, read: ReadPem = readPem): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (env.KAFKA_SSL) {
    const file = (variable: keyof KafkaEnv): string | undefined => {
      const path = env[variable] as string | undefined;
      if (path === undefined) return undefined;
      try {
        return read(path);
      } catch (err) {
        throw new InvalidEnvironment(`Invalid configuration: ${variable} cannot be read (${(err as Error).message})`);
      }
    };
    const [ca, cert, key] = [file('KAFKA_SSL_CA_FILE'), file('KAFKA_SSL_CERT_FILE'), file('KAFKA_SSL_KEY_FILE')];
    // Without a CA file Node's own trust store applies; certificates are always verified.
    security.ssl = ca || cert ? { rejectUnauthorized: true, ...(ca && { ca }), ...(cert && { cert, key }) } : true;
  }
  if (env.KAFKA_SASL_MECHANISM) {
    security.sasl = {
      mechanism: env.KAFKA_SASL_MECHANISM,
      username: env.KAFKA_SASL_USERNAME ?? '',
      password: env.KAFKA_SASL_PASSWORD ?? '',
    };
  }
  return security;
}

/** Brokers, client id (`<KAFKA_CLIENT_ID>-<role>`) and security of the environment, for createKafka. */
export function kafkaSettingsOf(env: KafkaEnv, role: string, read?: ReadPem): KafkaSettings {
  return {
    brokers: parseBrokers(env.KAFKA_BROKERS),
    clientId: `${env.KAFKA_CLIENT_ID}-${role}`,
    ...kafkaSecurityOf(env, read),
  };
}
