import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** 32 bytes in base64 or base64url, 43 characters and an optional '='. */
export const MASTER_KEY_FORMAT = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The file, in the data folder, that keeps a master key generated outside production. */
export const LOCAL_MASTER_KEY_FILE = 'newsroom-master.key';

export class InvalidMasterKey extends Error {}

/** Never echoes the value: a mistyped key is still most of a key. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!MASTER_KEY_FORMAT.test(trimmed)) {
    throw new InvalidMasterKey('NEWSROOM_MASTER_KEY must be 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * The master key that wraps every field key (issue #12): NEWSROOM_MASTER_KEY when set, required in
 * production. Outside production, a key generated on first start and kept in the data folder (as the
 * audit log's signing key is), so that what was encrypted stays readable across restarts; the
 * warning says it is not for production. Losing this key loses every encrypted field.
 */
export function loadMasterKey(
  env: { NEWSROOM_MASTER_KEY?: string; NODE_ENV?: string; dataDir: string },
  warn: (message: string) => void,
): Buffer {
  if (env.NEWSROOM_MASTER_KEY) return parseMasterKey(env.NEWSROOM_MASTER_KEY);
  if (env.NODE_ENV === 'production') throw new InvalidMasterKey('NEWSROOM_MASTER_KEY is required in production');
  const file = join(env.dataDir, LOCAL_MASTER_KEY_FILE);
  mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': two processes starting at once keep one key, the second reads the first's.
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    warn(`NEWSROOM_MASTER_KEY is not set: generated a master key for encrypted fields in ${file} (not for production)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    warn(`NEWSROOM_MASTER_KEY is not set: encrypting fields with the local master key in ${file} (not for production)`);
  }
  return parseMasterKey(readFileSync(file, 'utf8'));
}
