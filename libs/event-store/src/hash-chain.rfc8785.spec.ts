import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, canonicalParsedJson } from './hash-chain';

// The official JCS test data, vendored unchanged (see jcs-vectors/README.md).
const testdata = join(__dirname, 'jcs-vectors', 'testdata');
const read = (...path: string[]) => readFileSync(join(testdata, ...path));
const names = readdirSync(join(testdata, 'input')).map((file) => file.replace(/\.json$/, ''));

describe.each([
  ['canonicalJson', canonicalJson],
  ['canonicalParsedJson', canonicalParsedJson],
])('%s is RFC 8785 (JCS)', (_, canonicalise) => {
  it('has the six published vectors to check', () => {
    expect(names.sort()).toEqual(['arrays', 'french', 'structures', 'unicode', 'values', 'weird']);
  });

  it.each(names)('canonicalises input/%s.json to the bytes of its expected output', (name) => {
    const canonical = Buffer.from(canonicalise(JSON.parse(read('input', `${name}.json`).toString('utf8'))), 'utf8');

    expect(canonical.equals(read('output', `${name}.json`))).toBe(true);
    expect(canonical.toString('hex')).toBe(read('outhex', `${name}.txt`).toString('utf8').replace(/\s+/g, ''));
  });

  it('serialises numbers as ES6 does: 100,000 generated values hash to the published SHA-256', () => {
    const lines = 100_000;
    const published = publishedNumberHashes().get(lines);
    const hash = createHash('sha256');
    const next = es6NumberSequence();
    for (let i = 0; i < lines; i++) {
      const bits = next();
      hash.update(`${bits.toString(16)},${canonicalise(doubleOf(bits))}\n`);
    }

    expect(published).toMatch(/^[0-9a-f]{64}$/);
    expect(hash.digest('hex')).toBe(published);
  });
});

const readme = () => read('README.md').toString('utf8');

/** `| sha256 | lines | bytes |` rows of the table in testdata/README.md. */
function publishedNumberHashes(): Map<number, string> {
  const rows = [...readme().matchAll(/^\| ([0-9a-f]{64}) \| (\d+) +\|/gm)];
  return new Map(rows.map(([, sha, lines]) => [Number(lines), sha!]));
}

/**
 * The generator of es6testfile100m.txt as testdata/README.md describes it: its static values,
 * then 2000 consecutive subnormals, then doubles drawn from a SHA-256 chain seeded with zeros.
 */
function es6NumberSequence(): () => bigint {
  const list = /staticU64s = new BigUint64Array\(\[([^\]]+)\]\)/.exec(readme())![1]!;
  const statics = [...list.matchAll(/0x([0-9a-f]{16})n/g)].map(([, hex]) => BigInt(`0x${hex}`));
  const serial = 2000;
  let index = 0;
  let block = Buffer.alloc(32);
  let offset = block.length;
  return () => {
    const i = index++;
    if (i < statics.length) return statics[i]!;
    if (i < statics.length + serial) return 0x0010000000000000n + BigInt(i - statics.length);
    for (;;) {
      if (offset === block.length) {
        block = createHash('sha256').update(block).digest();
        offset = 0;
      }
      const bits = block.readBigUInt64LE(offset);
      offset += 8;
      const f = doubleOf(bits);
      if (f !== 0 && Number.isFinite(f)) return bits;
    }
  };
}

function doubleOf(bits: bigint): number {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(bits);
  return buffer.readDoubleBE();
}
