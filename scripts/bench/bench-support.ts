import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createSchemaIfMissing, dataSourceOptions } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';

export const BENCH_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A fresh migrated schema so a bench never touches real data and starts from the same point. */
export async function freshSchema(schema: string): Promise<DataSource> {
  const admin = new DataSource({ type: 'postgres', url: BENCH_DB_URL, poolSize: 1 });
  await admin.initialize();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await createSchemaIfMissing(admin, schema);
  await admin.destroy();
  const ds = new DataSource(dataSourceOptions({ url: BENCH_DB_URL, schema, migrations: allMigrations, poolSize: 10 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  return ds;
}

/** Starts a compiled app as its own process (the bench client must not share its event loop). */
export async function startApp(app: string, env: Record<string, string>, readyUrl?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), join(__dirname, '..', '..', 'apps', app, 'src', 'main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (readyUrl) {
    const deadline = Date.now() + 30000;
    for (;;) {
      const ok = await fetch(readyUrl).then((r) => r.status < 500, () => false);
      if (ok) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${app} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return child;
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}
