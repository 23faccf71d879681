import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createSchemaIfMissing, dataSourceOptions, ensureAppRoles, grantAppRoles } from '@newsroom/event-store';
import { allMigrations, allPrivileges } from '@newsroom/read-models';
import { APP_PROCESSES, DATABASE_URL_VARIABLES, DEFAULT_DATABASE_ROLES, withUser } from '@newsroom/settings';
import { NODE_ARGS } from '../system-processes';
import { PrivateBroker } from './private-broker';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';
const APPS = [join(__dirname, '..', '..', 'apps'), join(__dirname, '..', '..', 'dist', 'apps')].find((d) =>
  existsSync(join(d, 'outbox-relay', 'src', 'main.js')),
);

export type AppKind = 'editorial-api' | 'outbox-relay' | 'projector';

export interface ProcessSpec {
  name: string;
  app: AppKind;
  env?: Record<string, string>;
}

interface Running extends ProcessSpec {
  child: ChildProcess;
  port?: number;
}

/**
 * The whole system as `npm start` runs it, every app a real process from the build, each as its own
 * database role, on a schema of its own and a broker of its own: processes can be killed with
 * SIGKILL, database sessions cut and the broker stopped without touching anything else on the machine.
 */
export class ChaosSystem {
  readonly processes = new Map<string, Running>();
  /** Processes that ended without being killed or stopped by the campaign: each is a finding. */
  readonly unexpectedExits: string[] = [];
  private readonly ending = new Set<ChildProcess>();
  private nextPort = 0;
  /** NEWSROOM_MASTER_KEY of every process of the run (base64). */
  readonly masterKey = randomBytes(32).toString('base64');

  private constructor(
    readonly runId: string,
    readonly schema: string,
    /** The owner's connection: the campaign's own checks and the cut of the apps' sessions. */
    readonly db: DataSource,
    readonly broker: PrivateBroker,
    private readonly basePort: number,
  ) {}

  static async start(basePort = 3400): Promise<ChaosSystem> {
    if (!APPS) throw new Error('the apps are not built: run `npm run build` first');
    const runId = randomBytes(3).toString('hex');
    const schema = `chaos_${runId}`;
    const admin = new DataSource({ type: 'postgres', url: DATABASE_URL, poolSize: 1 });
    await admin.initialize();
    await createSchemaIfMissing(admin, schema);
    await admin.destroy();
    const db = new DataSource(dataSourceOptions({ url: DATABASE_URL, schema, migrations: allMigrations, poolSize: 4 }));
    await db.initialize();
    await db.runMigrations({ transaction: 'all' });
    await ensureAppRoles(
      db,
      APP_PROCESSES.map((app) => ({ role: DEFAULT_DATABASE_ROLES[app] })),
    );
    await grantAppRoles(db, DEFAULT_DATABASE_ROLES, allPrivileges);
    const broker = await PrivateBroker.create();
    await broker.start();
    return new ChaosSystem(runId, schema, db, broker, basePort);
  }

  /** The owner's connection string (the schema is `schema`). */
  get databaseUrl(): string {
    return DATABASE_URL;
  }

  get topicPrefix(): string {
    return `chaos${this.runId}.`;
  }

  /** Starts (or restarts, under the same name) one process; an API resolves once it answers HTTP. */
  async launch(spec: ProcessSpec): Promise<void> {
    const previous = this.processes.get(spec.name);
    const port = spec.app === 'editorial-api' ? (previous?.port ?? this.basePort + this.nextPort++) : undefined;
    const role = spec.app === 'editorial-api' ? 'api' : spec.app === 'outbox-relay' ? 'relay' : 'projector';
    const roleUrl = (p: 'api' | 'relay' | 'projector') => withUser(DATABASE_URL, DEFAULT_DATABASE_ROLES[p]);
    const { DATABASE_URL: _owner, ...parent } = process.env;
    const out = this.logFile(spec.name);
    // CHAOS_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=prof`) profiles the apps of a bench run: Node
    // refuses --cpu-prof in NODE_OPTIONS.
    const nodeArgs = process.env.CHAOS_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(
      process.execPath,
      [...NODE_ARGS[spec.app], ...nodeArgs, join(APPS!, spec.app, 'src', 'main.js')],
      {
        env: {
          ...parent,
          NODE_ENV: 'test',
          // Warnings and errors only, in each process's file: what a failed campaign prints (logTails).
          LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
          DATABASE_SCHEMA: this.schema,
          [DATABASE_URL_VARIABLES[role]]: roleUrl(role),
          ...(role === 'api' && { [DATABASE_URL_VARIABLES.projector]: roleUrl('projector') }),
          // Labels every session of this process: the campaign cuts only its own.
          PGAPPNAME: `chaos-${this.runId}-${spec.name}`,
          KAFKA_BROKERS: this.broker.address,
          KAFKA_TOPIC_PREFIX: this.topicPrefix,
          JWT_SECRET: `chaos-${this.runId}-${'x'.repeat(24)}`,
          // Every process of the run, restarts included, opens the fields the others encrypted.
          NEWSROOM_MASTER_KEY: this.masterKey,
          RELAY_METRICS_PORT: '0',
          ...(port !== undefined && { PORT: String(port) }),
          ...spec.env,
        },
        // Each process's output in a file of its own: kafkajs logs every refused connection of an outage.
        stdio: ['ignore', out, out],
      },
    );
    closeSync(out); // the child has its own copy
    child.once('exit', (code, signal) => {
      if (!this.ending.has(child)) this.unexpectedExits.push(`${spec.name} (${signal ?? `exit ${code}`})`);
    });
    this.processes.set(spec.name, { ...spec, child, port });
    if (port !== undefined) await this.untilAnswering(spec.name, `http://127.0.0.1:${port}/health`);
  }

  /** kill -9: no goodbye to the group, the lock or the database. */
  kill(name: string): Promise<void> {
    const p = this.processes.get(name);
    if (!p) throw new Error(`no process ${name}`);
    this.ending.add(p.child);
    return stopProcess(p.child, 'SIGKILL');
  }

  restart(name: string): Promise<void> {
    const p = this.processes.get(name);
    if (!p) throw new Error(`no process ${name}`);
    return this.launch(p);
  }

  /** Where the processes' output goes: one file per process name, appended across restarts. */
  get logDir(): string {
    return join(tmpdir(), `newsroom-chaos-${this.runId}`);
  }

  private logFile(name: string): number {
    mkdirSync(this.logDir, { recursive: true });
    return openSync(join(this.logDir, `${name}.log`), 'a');
  }

  /** The last lines each process wrote, for a campaign that failed to say what the processes saw. */
  logTails(lines = 12): string {
    if (!existsSync(this.logDir)) return '';
    return readdirSync(this.logDir)
      .sort()
      .map((file) => {
        const tail = readFileSync(join(this.logDir, file), 'utf8').trimEnd().split('\n').slice(-lines);
        return [`--- ${file}`, ...tail.map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))].join('\n');
      })
      .join('\n');
  }

  apiBases(): string[] {
    return [...this.processes.values()].filter((p) => p.port !== undefined).map((p) => `http://127.0.0.1:${p.port}`);
  }

  pidOf(name: string): number | undefined {
    return this.processes.get(name)?.child.pid;
  }

  /** As a failover does: terminates every PostgreSQL session of this system's processes. */
  async cutDatabaseSessions(): Promise<number> {
    const relayLocks = [...this.processes.values()]
      .filter((p) => p.app === 'outbox-relay')
      .map((p) => `outbox-relay-lock:%-${p.child.pid}`);
    const rows: Array<{ cut: boolean }> = await this.db.query(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
        WHERE pid <> pg_backend_pid() AND (application_name LIKE $1 OR application_name LIKE ANY($2::text[]))`,
      [`chaos-${this.runId}-%`, relayLocks],
    );
    return rows.filter((r) => r.cut).length;
  }

  async close(): Promise<void> {
    for (const p of this.processes.values()) this.ending.add(p.child);
    await Promise.all([...this.processes.values()].map((p) => stopProcess(p.child, 'SIGTERM')));
    await this.broker.destroy();
    await this.db.query(`DROP SCHEMA "${this.schema}" CASCADE`).catch(() => undefined);
    await this.db.destroy();
  }

  private async untilAnswering(name: string, url: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(url).then(
        (r) => r.status > 0,
        () => false,
      );
      if (ok) return;
      const child = this.processes.get(name)!.child;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
