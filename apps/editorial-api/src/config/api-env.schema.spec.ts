import { InvalidEnvironment } from '@newsroom/settings';
import { parseApiEnv } from './api-env.schema';

// The example signer key of golang.org/x/mod/sumdb/note's documentation: public, for tests only.
const KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

describe("the API's settings", () => {
  it('given nothing set, then the shared defaults and the API defaults apply', () => {
    expect(parseApiEnv({})).toMatchObject({
      DATABASE_SCHEMA: 'public',
      PORT: 3000,
      JWT_TTL: '12h',
      DEMO_PASSWORD: 'newsroom',
      SCHEDULER_INTERVAL_MS: 5000,
      FOUR_EYES_APPROVAL: true,
      REDACTION_FOUR_EYES: false,
      IDEMPOTENCY_TTL: 24 * 60 * 60 * 1000,
      DOCS_ENABLED: true,
      DOCS_PUBLIC: false,
    });
  });

  it('switches the four-eyes rule off only when told to, and refuses anything but true or false', () => {
    expect(parseApiEnv({ FOUR_EYES_APPROVAL: 'false' }).FOUR_EYES_APPROVAL).toBe(false);
    expect(parseApiEnv({ FOUR_EYES_APPROVAL: 'true' }).FOUR_EYES_APPROVAL).toBe(true);
    expect(() => parseApiEnv({ FOUR_EYES_APPROVAL: 'no' })).toThrow(/FOUR_EYES_APPROVAL/);
  });

  it('asks a second admin to confirm a redaction only when told to', () => {
    expect(parseApiEnv({ REDACTION_FOUR_EYES: 'true' }).REDACTION_FOUR_EYES).toBe(true);
    expect(() => parseApiEnv({ REDACTION_FOUR_EYES: 'yes' })).toThrow(/REDACTION_FOUR_EYES/);
  });

  it('reads the idempotency time to live as a duration and the docs switches as true or false', () => {
    expect(parseApiEnv({ IDEMPOTENCY_TTL: '90m', DOCS_ENABLED: 'false', DOCS_PUBLIC: 'true' })).toMatchObject({
      IDEMPOTENCY_TTL: 90 * 60 * 1000,
      DOCS_ENABLED: false,
      DOCS_PUBLIC: true,
    });
    expect(() => parseApiEnv({ IDEMPOTENCY_TTL: 'a day' })).toThrow(/IDEMPOTENCY_TTL/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => parseApiEnv({ NODE_ENV: 'production' })).toThrow(InvalidEnvironment);
    expect(() => parseApiEnv({ NODE_ENV: 'production' })).toThrow(
      'Invalid configuration: JWT_SECRET is required in production',
    );
    const secrets = { AUDIT_SIGNING_KEY: KEY, NEWSROOM_MASTER_KEY: MASTER_KEY };
    expect(parseApiEnv({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(16), ...secrets }).JWT_SECRET).toBe(
      'a'.repeat(16),
    );
  });

  it('requires the audit log signing key in production, and refuses one that is not a signer key', () => {
    expect(() => parseApiEnv({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(16) })).toThrow(
      'Invalid configuration: AUDIT_SIGNING_KEY is required in production',
    );
    expect(parseApiEnv({ AUDIT_SIGNING_KEY: KEY }).AUDIT_SIGNING_KEY).toBe(KEY);
    expect(() => parseApiEnv({ AUDIT_SIGNING_KEY: 'secret' })).toThrow(/AUDIT_SIGNING_KEY must be a C2SP signer key/);
    expect(() => parseApiEnv({ AUDIT_SIGNING_KEY: 'secret' })).not.toThrow(/secret/);
  });

  it('requires the master key of encrypted fields in production, and encrypts unless told not to', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(16), AUDIT_SIGNING_KEY: KEY };
    expect(() => parseApiEnv(production)).toThrow(
      'Invalid configuration: NEWSROOM_MASTER_KEY is required in production',
    );
    expect(parseApiEnv({ ...production, NEWSROOM_MASTER_KEY: MASTER_KEY }).NEWSROOM_MASTER_KEY).toBe(MASTER_KEY);
    expect(() => parseApiEnv({ NEWSROOM_MASTER_KEY: 'secret' })).toThrow(/NEWSROOM_MASTER_KEY must be 32 random bytes/);
    expect(parseApiEnv({}).FIELD_ENCRYPTION).toBe(true);
    expect(parseApiEnv({ FIELD_ENCRYPTION: 'false' }).FIELD_ENCRYPTION).toBe(false);
  });

  it('refuses a malformed API variable in one line naming it', () => {
    expect(() => parseApiEnv({ JWT_TTL: 'soon' })).toThrow(
      'Invalid configuration: JWT_TTL must look like 15m, 12h or 7d',
    );
  });
});
