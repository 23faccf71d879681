import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createSchemaIfMissing, dataSourceOptions } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { PasswordHasher } from '../auth/password.hasher';
import { createApi } from '../bootstrap';

/**
 * bench:login — login timing and the API's event loop during logins, against the raw cost of one
 * argon2id hash measured in the same run. The API runs in this process on a fresh schema of the real
 * database, so monitorEventLoopDelay sees the API's own event loop. Throttling is lifted for the run.
 *
 * - unknown vs known email (wrong password): medians and their ratio (equal work: near 1.00);
 * - the largest event-loop delay while 20 logins run at once (budget: 50 ms), its ratio to one hash,
 *   and the largest delay of the same loop idle for as long (what the machine adds by itself).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const CONCURRENT = 20;

const BENCH_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A fresh migrated schema, so the bench never touches real data and starts from the same point. */
async function freshSchema(schema: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', url: BENCH_DB_URL, poolSize: 1 });
  await admin.initialize();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await createSchemaIfMissing(admin, schema);
  await admin.destroy();
  const ds = new DataSource(dataSourceOptions({ url: BENCH_DB_URL, schema, migrations: allMigrations, poolSize: 1 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
}

async function main() {
  const schema = 'bench_login';
  await freshSchema(schema);
  Object.assign(process.env, {
    DATABASE_URL: BENCH_DB_URL,
    DATABASE_SCHEMA: schema,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000000',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000000',
  });
  const app = await createApi({ logs: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = (email: string, password: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }).then((r) => r.status);
  const known = 'editor@newsroom.test';
  const unknown = (i: number) => `nobody-${i}@newsroom.test`;

  const hasher = new PasswordHasher();
  const hashes: number[] = [];
  for (let i = 0; i < 10; i++) hashes.push(await timed(() => hasher.hash(`password ${i}`)));
  const rawHash = median(hashes);

  for (let i = 0; i < 5; i++) await Promise.all([login(known, 'wrong'), login(unknown(-i - 1), 'wrong')]);
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    knownMs.push(await timed(() => login(known, 'wrong password')));
    unknownMs.push(await timed(() => login(unknown(i), 'wrong password')));
  }

  // The same burst refused by validation (400: no database, no hash): what 20 requests cost the loop anyway.
  const light = monitorEventLoopDelay({ resolution: 1 });
  light.enable();
  await Promise.all(Array.from({ length: CONCURRENT }, () => login('not-an-email', 'x')));
  light.disable();

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const burst = await timed(() =>
    Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        i % 2 ? login(known, 'wrong password') : login(unknown(1000 + i), 'wrong password'),
      ),
    ),
  );
  delay.disable();
  const maxDelay = delay.max / 1e6;
  // The machine's own noise: the same loop, idle for as long as the burst took.
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, burst));
  idle.disable();
  await app.close();

  const ratio = median(unknownMs) / median(knownMs);
  console.log(`bench:login (${ROUNDS} rounds, ${CONCURRENT} concurrent)`);
  console.log(`  raw baseline: one argon2id hash, median      ${fmt(rawHash)} ms`);
  console.log(`  login, known email, wrong password: median   ${fmt(median(knownMs))} ms`);
  console.log(`  login, unknown email: median                 ${fmt(median(unknownMs))} ms`);
  console.log(`  unknown / known                              ${ratio.toFixed(2)} (equal timing: within 0.80-1.20)`);
  console.log(`  ${CONCURRENT} concurrent logins took                ${fmt(burst)} ms`);
  console.log(`  max event-loop delay during them             ${fmt(maxDelay)} ms (budget 50 ms)`);
  console.log(`  max event-loop delay idle, as long            ${fmt(idle.max / 1e6)} ms (the machine's noise)`);
  console.log(`  max delay, the same burst refused (400)      ${fmt(light.max / 1e6)} ms (no hash, no database)`);
  console.log(`  max delay / one hash                         ${(maxDelay / rawHash).toFixed(2)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
