import http from 'node:http';
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createSchemaIfMissing, dataSourceOptions } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { NODE_ARGS } from '../system-processes';

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
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      ...(NODE_ARGS[app as keyof typeof NODE_ARGS] ?? []),
      join(__dirname, '..', '..', 'apps', app, 'src', 'main.js'),
    ],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (readyUrl) {
    const deadline = Date.now() + 30000;
    for (;;) {
      const ok = await fetch(readyUrl).then(
        (r) => r.status < 500,
        () => false,
      );
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

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A lean JSON client over one keep-alive pool: fetch costs the bench more CPU than the API
 * spends on some commands, and on two cores the load generator must not starve what it measures.
 */
export function httpJson(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const RAW_CLIENTS = 8;

/** The raw baseline: single-row insert transactions from 8 clients on the same PostgreSQL; tx/s. */
export async function rawInserts(seconds: number): Promise<number> {
  const pool = new Pool({ connectionString: BENCH_DB_URL, max: RAW_CLIENTS });
  await pool.query(`DROP TABLE IF EXISTS bench_raw`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_raw
       (id bigserial PRIMARY KEY, stream text, data jsonb, at timestamptz DEFAULT now())`,
  );
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: RAW_CLIENTS }, async () => {
      const c = await pool.connect();
      while (Date.now() < deadline) {
        await c.query('BEGIN');
        await c.query(`INSERT INTO bench_raw (stream, data) VALUES ($1, $2)`, ['s', '{"a":1}']);
        await c.query('COMMIT');
        done++;
      }
      c.release();
    }),
  );
  await pool.query(`DROP TABLE bench_raw`);
  await pool.end();
  return done / seconds;
}
