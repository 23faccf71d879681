import { z } from 'zod';
import {
  auditLogSettings,
  InvalidEnvironment,
  masterKeySettings,
  parseEnv,
  parseSettings,
  type Env,
} from '@newsroom/settings';
import { READ_MODELS, isReadModelName, type ReadModelName } from '@newsroom/read-models';

export interface ProjectorConfig {
  env: Env;
  /** PROJECTIONS=article_state,audit_trail runs only those consumer groups; unset runs them all. */
  readModels: ReadModelName[];
  /** Where /metrics listens: PROJECTOR_METRICS_PORT (0 = no server) on PROJECTOR_METRICS_HOST. */
  metrics: { port: number; host: string };
  /**
   * PROJECTOR_FETCH_MIN_BYTES: the bytes the broker gathers (for up to an idle fetch's wait) before it
   * answers the consumers of every read model but article_state. Under load a batch then carries
   * many events, so a read model costs one transaction per batch instead of one per event; 1 answers
   * at once. article_state always answers at once: it is what an editor's next request reads.
   */
  fetchMinBytes: number;
  /**
   * What opens encrypted fields (issue #12): NEWSROOM_MASTER_KEY (required in production, the API's
   * key), else the one generated in the data folder, which the API shares only from the same folder.
   */
  masterKey: { NEWSROOM_MASTER_KEY?: string; NODE_ENV: string; dataDir: string };
}

// Private by default, like the relay's: metrics tell an outsider the system's load. 0.0.0.0 lets a scraper in.
const metricsEnvSchema = z.object({
  PROJECTOR_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  PROJECTOR_METRICS_HOST: z
    .string()
    .regex(/^[\w.:-]+$/, 'must be a host name or an IP address')
    .default('127.0.0.1'),
  PROJECTOR_FETCH_MIN_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(16 * 1024 * 1024)
    .default(64 * 1024),
  ...masterKeySettings,
  // The API's data folder, where a master key generated outside production is kept.
  AUDIT_DATA_DIR: auditLogSettings.AUDIT_DATA_DIR,
});

/** The shared settings plus PROJECTIONS; throws InvalidEnvironment with a one-line message. */
export function projectorConfig(source: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const env = parseEnv(source);
  const own = parseSettings(metricsEnvSchema, source);
  const metrics = { port: own.PROJECTOR_METRICS_PORT, host: own.PROJECTOR_METRICS_HOST };
  const fetchMinBytes = own.PROJECTOR_FETCH_MIN_BYTES;
  if (env.NODE_ENV === 'production' && !own.NEWSROOM_MASTER_KEY) {
    throw new InvalidEnvironment('Invalid configuration: NEWSROOM_MASTER_KEY is required in production');
  }
  const masterKey = {
    NEWSROOM_MASTER_KEY: own.NEWSROOM_MASTER_KEY,
    NODE_ENV: env.NODE_ENV,
    dataDir: own.AUDIT_DATA_DIR,
  };
  const raw = source.PROJECTIONS?.trim();
  if (!raw) return { env, readModels: [...READ_MODELS], metrics, fetchMinBytes, masterKey };
  const names = raw
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isReadModelName(n));
  if (unknown.length > 0 || names.length === 0) {
    const got = unknown.join(', ') || 'none';
    throw new InvalidEnvironment(
      `Invalid configuration: PROJECTIONS must list read models among ${READ_MODELS.join(', ')} (got ${got})`,
    );
  }
  return { env, readModels: [...new Set(names)] as ReadModelName[], metrics, fetchMinBytes, masterKey };
}
