import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

/** Unzips a bundle into a fresh temporary directory; answers the bundle's own folder in it. */
export async function unzipBundle(zip: Buffer): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'newsroom-bundle-'));
  const zipFile: ZipFile = await new Promise((resolve, reject) =>
    fromBuffer(zip, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  );
  let top = '';
  await new Promise<void>((resolve, reject) => {
    zipFile.on('entry', (entry: Entry) => {
      top ||= entry.fileName.split('/')[0];
      zipFile.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream!.on('data', (c: Buffer) => chunks.push(c));
        stream!.on('end', () => {
          const path = join(root, entry.fileName);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, Buffer.concat(chunks));
          zipFile.readEntry();
        });
      });
    });
    zipFile.on('end', resolve);
    zipFile.on('error', reject);
    zipFile.readEntry();
  });
  return join(root, top);
}

/** Runs the bundle's own verify-bundle.mjs as a separate plain Node process, as an auditor would. */
export function verifyBundle(dir: string, key: string, ...extra: string[]) {
  const run = spawnSync(process.execPath, [join(dir, 'verify-bundle.mjs'), dir, '--key', key, ...extra], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}`.trim() };
}

/** A copy of a bundle directory whose one file `edit` rewrites (NDJSON lines in, lines out). */
export function tampered(dir: string, file: string, edit: (lines: any[]) => any[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'newsroom-tampered-'));
  spawnSync('cp', ['-r', `${dir}/.`, copy]);
  const lines = readFileSync(join(copy, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  writeFileSync(
    join(copy, file),
    edit(lines)
      .map((l) => `${JSON.stringify(l)}\n`)
      .join(''),
  );
  return copy;
}
