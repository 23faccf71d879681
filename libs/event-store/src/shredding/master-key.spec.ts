import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_MASTER_KEY_FILE, loadMasterKey, parseMasterKey } from './master-key';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'master-key-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the master key', () => {
  it('is NEWSROOM_MASTER_KEY when set, in base64 or base64url, without a warning', () => {
    const key = randomBytes(32);
    const warnings: string[] = [];

    expect(
      loadMasterKey({ NEWSROOM_MASTER_KEY: key.toString('base64'), dataDir: dir }, (m) => warnings.push(m)),
    ).toEqual(key);
    expect(parseMasterKey(key.toString('base64url'))).toEqual(key);
    expect(warnings).toEqual([]);
  });

  it('is required in production', () => {
    expect(() => loadMasterKey({ NODE_ENV: 'production', dataDir: dir }, () => undefined)).toThrow(
      'NEWSROOM_MASTER_KEY is required in production',
    );
  });

  it('is refused when it is not 32 bytes, without repeating what was given', () => {
    const almost = randomBytes(31).toString('base64');

    expect(() => parseMasterKey(almost)).toThrow(/must be 32 random bytes/);
    expect(() => parseMasterKey(almost)).not.toThrow(almost);
  });

  it('outside production, is generated once into the data folder, for its owner only, warning at each start', () => {
    const warnings: string[] = [];
    const first = loadMasterKey({ dataDir: dir }, (m) => warnings.push(m));
    const second = loadMasterKey({ dataDir: dir }, (m) => warnings.push(m));

    expect(second).toEqual(first);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, LOCAL_MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([
      expect.stringMatching(/not set: generated a master key .* \(not for production\)/),
      expect.stringMatching(/not set: encrypting fields with the local master key .* \(not for production\)/),
    ]);
    expect(warnings.join()).not.toContain(readFileSync(join(dir, LOCAL_MASTER_KEY_FILE), 'utf8').trim());
  });
});
