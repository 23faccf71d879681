import { z } from 'zod';
import {
  auditLogSettings,
  durationMs,
  envSchema,
  fieldEncryptionSettings,
  flag,
  InvalidEnvironment,
  parseSettings,
} from '@newsroom/settings';

/** The shared settings plus the API's own; secrets have no default in production. */
export const apiEnvSchema = envSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, 'must look like 15m, 12h or 7d')
    .default('12h'),
  SEED_DEMO_USERS: z.enum(['true', 'false']).optional(),
  DEMO_PASSWORD: z.string().min(8).default('newsroom'),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** How long an instance may trust what it read of a session and its user (roles, disabled). */
  AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Failed logins allowed per account, and per client address, within LOGIN_WINDOW_S. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_S: z.coerce.number().int().min(1).default(900),
  /** The approver must differ from the article's last author; a deployment may switch it off. */
  FOUR_EYES_APPROVAL: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * A legal redaction (issue #12) waits for a second admin's confirmation. Off by default, so that
   * one admin can act in an emergency; every order is recorded either way.
   */
  REDACTION_FOUR_EYES: flag.default(false),
  /** How long an Idempotency-Key holds its answer; an older key is a new request. */
  IDEMPOTENCY_TTL: durationMs.default(86_400_000),
  /** Serve /api/docs at all. */
  DOCS_ENABLED: flag.default(true),
  /** Serve /api/docs to every client; when false (the default) only to clients on this machine. */
  DOCS_PUBLIC: flag.default(false),
  /** Serve /metrics to every client; when false (the default) only to clients on this machine. */
  METRICS_PUBLIC: flag.default(false),
  /** Public output (issue #11): the site's address in links and JSON-LD, without a trailing slash. */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[^?#]*[^/?#]$/, 'must be an http(s) URL without a trailing slash, query or fragment')
    .default('http://localhost:3000'),
  PUBLISHER_NAME: z.string().min(1).max(200).default('Newsroom'),
  /** The publisher's corrections policy and publishing principles (schema.org); default: pages under the base URL. */
  CORRECTIONS_POLICY_URL: z.string().url().optional(),
  PUBLISHING_PRINCIPLES_URL: z.string().url().optional(),
  /** Requests per second each client address may make to the public routes (pages, ninjs, JSON-LD, feeds). */
  PUBLIC_RATE_LIMIT_PER_S: z.coerce.number().int().min(1).default(50),
  /** Memory for rendered public output (pages, ninjs, JSON-LD) kept per version; 0 renders every request. */
  PUBLIC_RENDER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  ...auditLogSettings,
  ...fieldEncryptionSettings,
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;

/** Parses the API's environment once; throws InvalidEnvironment with a one-line message. */
export function parseApiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const env = parseSettings(apiEnvSchema, source);
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new InvalidEnvironment('Invalid configuration: JWT_SECRET is required in production');
  }
  if (env.NODE_ENV === 'production' && !env.AUDIT_SIGNING_KEY) {
    throw new InvalidEnvironment('Invalid configuration: AUDIT_SIGNING_KEY is required in production');
  }
  if (env.NODE_ENV === 'production' && !env.NEWSROOM_MASTER_KEY) {
    throw new InvalidEnvironment('Invalid configuration: NEWSROOM_MASTER_KEY is required in production');
  }
  return env;
}
