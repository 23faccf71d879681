import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiHarness, startApi, type CreateApi } from './api-harness';
import type { DatabasePrivileges } from '@newsroom/event-store';
import type { Migrations } from './test-database';

const DIST = join(__dirname, '..', '..', '..', 'dist', 'apps');

export interface SystemHarness extends ApiHarness {
  topicPrefix: string;
  /** Starts (or restarts) a background app as a child process, as `npm start` runs it. */
  startApp(app: 'outbox-relay' | 'projector', extraEnv?: Record<string, string>): ChildProcess;
  children: Map<string, ChildProcess>;
}

/**
 * The whole system for e2e tests: the API in-process, the relay and the projector as real
 * processes from the compiled build (`npm test` builds first), on a schema and topics of their own,
 * each connected as its own database role: the e2e suites prove those roles' privileges suffice.
 */
export async function startSystem(
  label: string,
  createApi: CreateApi,
  migrations: Migrations,
  privileges: DatabasePrivileges,
): Promise<SystemHarness> {
  const topicPrefix = `e2e${randomBytes(4).toString('hex')}.`;
  process.env.KAFKA_TOPIC_PREFIX = topicPrefix;
  const api = await startApi(label, createApi, migrations, privileges);
  const children = new Map<string, ChildProcess>();
  let closing = false;
  // The children get their role's URL only, as `npm start` runs them: no owner's URL to fall back to.
  const env = (app: 'outbox-relay' | 'projector') => {
    const { DATABASE_URL: _owner, ...parent } = process.env;
    return {
      ...parent,
      ...(app === 'outbox-relay'
        ? { RELAY_DATABASE_URL: api.db.roleUrls!.relay }
        : { PROJECTOR_DATABASE_URL: api.db.roleUrls!.projector }),
      DATABASE_SCHEMA: api.db.schema,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: process.env.E2E_CHILD_LOG_LEVEL ?? 'warn',
      RELAY_METRICS_PORT: '0',
      // No projector metrics server unless a suite asks: suites run side by side on one host.
      PROJECTOR_METRICS_PORT: '0',
    };
  };
  const startApp: SystemHarness['startApp'] = (app, extraEnv = {}) => {
    const child = spawn(process.execPath, [join(DIST, app, 'src', 'main.js')], {
      env: { ...env(app), ...extraEnv },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.set(app, child);
    // A child that died on its own explains a suite that then waits in vain for the read models.
    child.once('exit', (code, signal) => {
      if (!closing && !stopped.has(child) && children.get(app) === child)
        process.stderr.write(`[system harness] ${app} exited (${signal ?? code}); nothing here restarts it\n`);
    });
    return child;
  };
  startApp('outbox-relay');
  startApp('projector');
  return {
    ...api,
    topicPrefix,
    startApp,
    children,
    async close() {
      closing = true;
      await Promise.all([...children.values()].map((c) => stopChild(c)));
      await api.close();
    },
  };
}

/** Children a test stopped on purpose: their exit is no news. */
const stopped = new WeakSet<ChildProcess>();

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  stopped.add(child);
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
