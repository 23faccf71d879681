import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  chainAfter,
  createSchemaIfMissing,
  dataSourceOptions,
  generateSignerKey,
  leafHash,
  loadUnchainedEvents,
  logEntry,
  MerkleLog,
  parseSignerKey,
  SEQUENCER_BATCH,
  sequenceAndSign,
  verifierKeyOf,
  type UnchainedEvent,
} from '@newsroom/event-store';
import { allMigrations, auditLogPage } from '@newsroom/read-models';
import { parseEnv } from '@newsroom/settings';
import { buildAuditBundle } from '../audit/bundle/audit-bundle';

/**
 * `npm run bench:audit [-- --events 1000000 --entries 1000000 --phases leaves,bundle,page --keep]`,
 * in schema bench_audit_<pid> of DATABASE_URL:
 * 1. leaves/s appended to the Merkle log while N events are sequenced, beside the raw SHA-256 rate
 *    of the same entries in this process;
 * 2. verify-bundle.mjs on a 10,000-event bundle (100 articles × 100 versions), beside a plain Node
 *    process that only reads and hashes the same events;
 * 3. an audit log page filtered by actor over 1,000,000 entries, p99 of 300, beside the raw scan
 *    of the actor index.
 */
const TARGETS = { leavesPerSecond: 50_000, verifyBundleSeconds: 1, pageP99Ms: 50 };
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const say = (line: string) => process.stdout.write(`${line}\n`);
/** `--phases leaves,bundle,page` (default all three). */
const phases = (process.argv[process.argv.indexOf('--phases') + 1] ?? '').split(',');
const runs = (phase: string) => !process.argv.includes('--phases') || phases.includes(phase);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const actor = { id: 'bench', name: 'Bench Editor', role: 'editor' };

function eventsFor(n: number, perStream: number, from: string, chained: boolean): UnchainedEvent[] {
  const out: UnchainedEvent[] = [];
  const start = Date.parse(from);
  for (let s = 0; out.length < n; s++) {
    const streamId = `article-${randomUUID()}`;
    const id = randomUUID();
    const metadata = { actor, commandId: id, correlationId: id, causationId: id };
    const occurredAt = new Date(start + out.length).toISOString();
    const count = Math.min(perStream, n - out.length);
    const fresh = Array.from({ length: count }, (_, v) => ({
      type: 'ArticleRevised',
      data: { headline: `Take ${v}` },
    }));
    for (const e of chainAfter(null, streamId, fresh, metadata, occurredAt)) {
      out.push({
        ...e,
        chain: chained ? { eventId: e.eventId, prevHash: e.prevHash, hash: e.hash } : undefined,
      });
    }
  }
  return out;
}

async function load(ds: DataSource, events: UnchainedEvent[]) {
  for (let i = 0; i < events.length; i += 5000) await loadUnchainedEvents(ds, events.slice(i, i + 5000));
}

async function leavesPhase(ds: DataSource, n: number) {
  say(`1. Merkle log: loading ${n} events…`);
  const events = eventsFor(n, 20, '2031-01-01T00:00:00Z', false);
  await load(ds, events);
  const entries = events.map((e) =>
    logEntry({
      ...e,
      eventId: randomUUID(),
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
      metadata: e.metadata as never,
    }),
  );
  let t0 = process.hrtime.bigint();
  for (const entry of entries) createHash('sha256').update(entry).digest();
  const rawRate = n / (ms(t0) / 1000);
  t0 = process.hrtime.bigint();
  for (const entry of entries) leafHash(entry);
  const leafRate = n / (ms(t0) / 1000);
  t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  // The sequencer as the API runs it (sequenceAndSign's catchUp, SEQUENCER_BATCH events a batch).
  const added = await new MerkleLog(ds).catchUp();
  const seqMs = ms(t0);
  const seqRate = added / (seqMs / 1000);
  const seqCpu = cpuMs(process.cpuUsage(cpu0));
  say(`   raw SHA-256 of the entries, in memory:      ${Math.round(rawRate).toLocaleString('en')} /s`);
  say(`   RFC 6962 leaf hashes, in memory:            ${Math.round(leafRate).toLocaleString('en')} /s`);
  say(
    `   leaves appended by the sequencer (PG):      ${Math.round(seqRate).toLocaleString('en')} /s ` +
      `(${added} leaves, batches of ${SEQUENCER_BATCH}; ${(seqRate / rawRate).toFixed(3)} of raw; ` +
      `target ≥ ${TARGETS.leavesPerSecond.toLocaleString('en')}/s)`,
  );
  say(
    `   of its ${(seqMs / 1000).toFixed(2)} s, this process ran ${(seqCpu / 1000).toFixed(2)} s on a CPU ` +
      `(${Math.round(added / (seqCpu / 1000)).toLocaleString('en')} leaves per CPU second; ` +
      `PostgreSQL's share not counted)`,
  );
}

async function bundlePhase(ds: DataSource) {
  say('2. verify-bundle.mjs on a 10,000-event bundle…');
  await load(ds, eventsFor(10_000, 100, '2040-01-01T00:00:00Z', true));
  const signer = parseSignerKey(generateSignerKey('bench.local/audit-log'));
  await sequenceAndSign(ds, signer);
  const bundle = await buildAuditBundle(ds, verifierKeyOf(signer), { since: '2040-01-01T00:00:00.000Z' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-audit-bundle-'));
  for (const [name, text] of Object.entries(bundle.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const raw = `const {readFileSync}=require('fs');const {createHash}=require('crypto');
    for (const l of readFileSync(process.argv[1],'utf8').split('\\n'))
      if (l) createHash('sha256').update(JSON.stringify(JSON.parse(l))).digest();`;
  // Each child reports the CPU time it used: on a loaded machine, wall time is mostly waiting for a core.
  const cpuReport = join(dir, '..', `cpu-report-${process.pid}.cjs`);
  writeFileSync(
    cpuReport,
    `process.on('exit', () => { const u = process.cpuUsage(); ` +
      `process.stderr.write('cpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });`,
  );
  const childCpu = (stderr: string) => Number(/cpu-ms ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
  let t0 = process.hrtime.bigint();
  const rawRun = spawnSync(process.execPath, ['-r', cpuReport, '-e', raw, join(dir, 'events.ndjson')], {
    encoding: 'utf8',
  });
  const rawMs = ms(t0);
  t0 = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['-r', cpuReport, join(dir, 'verify-bundle.mjs'), dir, '--key', verifierKeyOf(signer)],
    { encoding: 'utf8' },
  );
  const verifyMs = ms(t0);
  rmSync(cpuReport);
  if (process.argv.includes('--keep')) say(`   bundle kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  const [rawCpu, verifyCpu] = [childCpu(rawRun.stderr), childCpu(run.stderr)];
  say(
    `   plain node reading and hashing the events:  ${(rawMs / 1000).toFixed(2)} s ` +
      `(CPU ${(rawCpu / 1000).toFixed(2)} s)`,
  );
  say(
    `   node verify-bundle.mjs (exit ${run.status}):            ${(verifyMs / 1000).toFixed(2)} s ` +
      `(CPU ${(verifyCpu / 1000).toFixed(2)} s; ${(verifyMs / rawMs).toFixed(1)}× raw; ` +
      `target ≤ ${TARGETS.verifyBundleSeconds} s) ${run.stdout.trim()}`,
  );
}

async function pagePhase(ds: DataSource, n: number) {
  say(`3. audit log page filtered by actor over ${n.toLocaleString('en')} entries…`);
  await ds.query(
    `INSERT INTO audit_trail (article_id, version, event_id, type, occurred_at, actor_id, actor_name, actor_role,
       summary, changes, position)
     SELECT gen_random_uuid(), 1, gen_random_uuid(), 'ArticleRevised',
       timestamptz '2030-01-01' + g * interval '1 second',
       'actor-' || (g % 100), 'Actor ' || (g % 100), 'editor', 'revised', '[]'::jsonb, g
     FROM generate_series(1, $1) g`,
    [n],
  );
  await ds.query(`ANALYZE audit_trail`);
  const p99 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];
  const page: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 300; i++) {
    const who = `actor-${i % 100}`;
    const since = new Date(Date.parse('2030-01-01') + Math.floor(Math.random() * n) * 1000).toISOString();
    let t0 = process.hrtime.bigint();
    await ds.query(
      `SELECT * FROM audit_trail WHERE actor_id = $1 AND occurred_at >= $2 ORDER BY occurred_at LIMIT 51`,
      [who, since],
    );
    raw.push(ms(t0));
    t0 = process.hrtime.bigint();
    await auditLogPage(ds, { actor: who, since }, undefined, 50);
    page.push(ms(t0));
  }
  say(`   raw scan of the actor index (50 rows):      p99 ${p99(raw).toFixed(1)} ms`);
  say(
    `   audit log page (actor + since, 50 rows):    p99 ${p99(page).toFixed(1)} ms ` +
      `(${(p99(page) / p99(raw)).toFixed(2)}× raw; target ≤ ${TARGETS.pageP99Ms} ms)`,
  );
}

async function main() {
  const env = parseEnv();
  const schema = `bench_audit_${process.pid}`;
  const n = arg('events', 1_000_000);
  const admin = new DataSource({ type: 'postgres', url: env.DATABASE_URL, poolSize: 1 });
  await admin.initialize();
  await createSchemaIfMissing(admin, schema);
  const ds = new DataSource(
    dataSourceOptions({ url: env.DATABASE_URL, schema, migrations: allMigrations, poolSize: 4 }),
  );
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'all' });
    say(`bench:audit in schema ${schema}`);
    if (runs('leaves')) await leavesPhase(ds, n);
    if (runs('bundle')) await bundlePhase(ds);
    if (runs('page')) await pagePhase(ds, arg('entries', 1_000_000));
  } finally {
    await ds.destroy();
    if (!process.argv.includes('--keep')) await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:audit failed: ${err.stack ?? err}\n`);
  process.exit(1);
});
