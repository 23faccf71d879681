import { z } from 'zod';

const postgresUrl = () => z.string().regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must be a postgres:// URL');

/**
 * The settings every process reads (API, outbox relay, projector, migrations), with local
 * defaults. A variable only one app reads lives in that app's schema, built on this one.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The owner's URL: migrations run with it, and a process without a URL of its own falls back to it. */
  DATABASE_URL: postgresUrl().default('postgres://postgres@127.0.0.1:5432/newsroom'),
  /** Each process's own role (see database-urls.ts); unset, the process connects with DATABASE_URL. */
  API_DATABASE_URL: postgresUrl().optional(),
  RELAY_DATABASE_URL: postgresUrl().optional(),
  PROJECTOR_DATABASE_URL: postgresUrl().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain schema name')
    .default('public'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Connections a process keeps open however idle it is (at most DATABASE_POOL_SIZE): a burst after
   * a quiet spell then waits for no new backend (bench:public saw 5 to 8 opened in a phase, each a
   * request's wait for PostgreSQL to start one).
   */
  DATABASE_POOL_MIN: z.coerce.number().int().min(0).max(200).default(4),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, 'must be host:port[,host:port]')
    .default('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).default('newsroom'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-z0-9._-]*$/)
    .default(''),
  // Authenticated, encrypted Kafka for production: SASL/SCRAM and TLS. Unset, the client speaks plaintext.
  KAFKA_SSL: z.stringbool().default(false),
  /** PEM files: the CA that signed the brokers' certificates, and a client certificate for mutual TLS. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SSL_CERT_FILE: z.string().min(1).optional(),
  KAFKA_SSL_KEY_FILE: z.string().min(1).optional(),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: readable lines on a terminal outside production, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** The process's name in its logs (`npm start` names each child); the app's name otherwise. */
  LOG_NAME: z
    .string()
    .regex(/^[\w.:,-]{1,60}$/, 'must be a short name')
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironment extends Error {}

/** Parses `source` with `schema`; the message names each offending variable on one line. */
export function parseSettings<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new InvalidEnvironment(`Invalid configuration: ${problems}`);
  }
  const across = problemsAcross(result.data as Partial<Env>);
  if (across.length > 0) throw new InvalidEnvironment(`Invalid configuration: ${across.join('; ')}`);
  return result.data;
}

/**
 * Rules that span variables. Not a zod refinement: zod refuses to `extend` a refined object, and
 * each app extends the shared schema. Checked on any schema that carries the variables.
 */
function problemsAcross(s: Partial<Env>): string[] {
  const problems: string[] = [];
  const credentials = [s.KAFKA_SASL_USERNAME, s.KAFKA_SASL_PASSWORD];
  if (s.KAFKA_SASL_MECHANISM && !credentials.every(Boolean)) {
    problems.push('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  }
  if (!s.KAFKA_SASL_MECHANISM && credentials.some(Boolean)) {
    problems.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD need KAFKA_SASL_MECHANISM');
  }
  // A file that is set but silently unused would leave the operator believing the link is encrypted.
  if (!s.KAFKA_SSL && (s.KAFKA_SSL_CA_FILE || s.KAFKA_SSL_CERT_FILE || s.KAFKA_SSL_KEY_FILE)) {
    problems.push('KAFKA_SSL_CA_FILE, KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE need KAFKA_SSL=true');
  }
  if (!s.KAFKA_SSL_CERT_FILE !== !s.KAFKA_SSL_KEY_FILE) {
    problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together');
  }
  return problems;
}

/** The shared settings, parsed once at start-up. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseSettings(envSchema, source);
}
