import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSignerKey, parseSignerKey, type NoteSigner } from '@newsroom/event-store';

/** The origin (and key name) of a key generated outside production. */
export const LOCAL_LOG_ORIGIN = 'newsroom.local/audit-log';

/**
 * The checkpoint signer: AUDIT_SIGNING_KEY when set (required in production, checked at start-up).
 * Outside production, a key generated on first start and kept in the data folder, so checkpoints
 * stay verifiable across restarts; the warning says it is not for production.
 */
export function loadAuditSigner(
  env: { AUDIT_SIGNING_KEY?: string; AUDIT_DATA_DIR: string },
  warn: (message: string) => void,
): NoteSigner {
  if (env.AUDIT_SIGNING_KEY) return parseSignerKey(env.AUDIT_SIGNING_KEY);
  const file = join(env.AUDIT_DATA_DIR, 'audit-signing.key');
  mkdirSync(env.AUDIT_DATA_DIR, { recursive: true, mode: 0o700 });
  try {
    // 'wx': two processes starting at once keep one key, the second reads the first's.
    writeFileSync(file, `${generateSignerKey(LOCAL_LOG_ORIGIN)}\n`, { flag: 'wx', mode: 0o600 });
    warn(`AUDIT_SIGNING_KEY is not set: generated an audit log signing key in ${file} (not for production)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    warn(`AUDIT_SIGNING_KEY is not set: signing audit checkpoints with the local key in ${file} (not for production)`);
  }
  return parseSignerKey(readFileSync(file, 'utf8'));
}
