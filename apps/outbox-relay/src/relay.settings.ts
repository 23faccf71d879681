import { z } from 'zod';
import { hostname } from 'node:os';
import { databaseConnectionOf, parseSettings, type Env } from '@newsroom/settings';
import { kafkaSecurityOf, parseBrokers, type KafkaSecurity } from '@newsroom/messaging';

// The relay's own variables stay here until a second app needs them in the shared schema.
const relayEnvSchema = z.object({
  RELAY_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  // Private by default: metrics tell an outsider the system's load and backlog. 0.0.0.0 to let a scraper in.
  RELAY_METRICS_HOST: z
    .string()
    .regex(/^[\w.:-]+$/, 'must be a host name or an IP address')
    .default('127.0.0.1'),
});

export interface RelaySettings {
  databaseUrl: string;
  databaseSchema: string;
  brokers: string[];
  clientId: string;
  /** TLS and SASL/SCRAM from the environment; plaintext when empty. */
  kafkaSecurity?: KafkaSecurity;
  topicPrefix: string;
  metricsPort: number;
  /** The address /metrics and /health listen on (127.0.0.1 unless RELAY_METRICS_HOST says otherwise). */
  metricsHost: string;
  /** Names this process in logs and in pg_stat_activity (application_name of its lock session). */
  instanceId: string;
  batchSize: number;
  /** The wait after a read that found a partial batch, and after an empty one while wake-ups cannot be heard. */
  idlePollMs: number;
  /** The longest wait at idle while wake-ups are heard: how late a lost wake-up is made good. */
  idleMaxPollMs: number;
  /** How often a standby asks for the lock: a dead leader's session frees it at once, so this is the takeover time. */
  lockRetryMs: number;
  /** The longest pause between failed steps: also how late the relay notices a broker that is back. */
  maxBackoffMs: number;
  /** Message bytes per produce request; kept well under the broker's 1 MiB message.max.bytes. */
  maxRequestBytes: number;
}

export const RELAY_DEFAULTS = {
  batchSize: 500,
  idlePollMs: 10,
  idleMaxPollMs: 1000,
  lockRetryMs: 250,
  maxBackoffMs: 500,
  maxRequestBytes: 512 * 1024,
};

/** The relay's settings from the shared environment plus its own variables; one line names what is wrong. */
export function relaySettings(env: Env, source: NodeJS.ProcessEnv = process.env): RelaySettings {
  const own = parseSettings(relayEnvSchema, source);
  return {
    databaseUrl: databaseConnectionOf(env, 'relay').url,
    databaseSchema: env.DATABASE_SCHEMA,
    brokers: parseBrokers(env.KAFKA_BROKERS),
    clientId: `${env.KAFKA_CLIENT_ID}-outbox-relay`,
    kafkaSecurity: kafkaSecurityOf(env),
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    metricsPort: own.RELAY_METRICS_PORT,
    metricsHost: own.RELAY_METRICS_HOST,
    instanceId: `${hostname()}-${process.pid}`,
    ...RELAY_DEFAULTS,
  };
}
