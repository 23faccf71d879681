import 'reflect-metadata';
import pino from 'pino';
import type { Registry } from 'prom-client';
import { databaseConnectionOf, InvalidEnvironment, logDestination, logFormatOf, logNameOf } from '@newsroom/settings';
import { assertDatabaseReachable } from '@newsroom/event-store';
import { projectorConfig } from './projector.config';
import { MetricsServer } from './metrics.server';
import { startProjector } from './projector';
import { startWhileDatabaseAway } from './start-while-database-away';

async function main() {
  const config = projectorConfig();
  const db = databaseConnectionOf(config.env, 'projector');
  await assertDatabaseReachable(db.url, db.variable);
  const name = logNameOf(config.env, 'projector');
  const destination = logDestination(logFormatOf(config.env, process.stdout.isTTY === true), name);
  const log = pino({ base: { app: name, pid: process.pid }, level: config.env.LOG_LEVEL }, destination);
  let stopping = false;
  const projector = await startWhileDatabaseAway(
    () =>
      startProjector(config, log, (err) => {
        log.fatal({ err: err.message }, 'a consumer stopped for good; exiting so the process is restarted');
        process.exit(1);
      }),
    (err, attempt, retryInMs) =>
      log.warn({ err: err.message, attempt, retryInMs }, 'the database dropped the start; starting again'),
  );
  log.info({ groups: projector.consumers.map((c) => c.groupId) }, 'projector running');
  const metrics = await serveMetrics(projector.metrics.registry, config.metrics, log);
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing the batches in flight');
    Promise.all([projector.stop(), metrics?.close()]).then(
      () => process.exit(0),
      (err: Error) => {
        log.error({ err: err.message }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * /metrics on its own port, 0 for none. A port already taken (a second projector on the same host
 * with the same setting) costs the metrics, not the projections: warned, and the projector goes on.
 */
async function serveMetrics(registry: Registry, at: { port: number; host: string }, log: pino.Logger) {
  if (at.port === 0) return undefined;
  const server = new MetricsServer(registry);
  try {
    const port = await server.listen(at.port, at.host);
    log.info({ host: at.host, port }, 'metrics on /metrics');
    return server;
  } catch (err) {
    log.warn({ err: (err as Error).message, port: at.port }, 'cannot serve /metrics; projecting without');
    return undefined;
  }
}

main().catch((err: unknown) => {
  // A configuration or connection problem is one line for the operator, not a stack trace.
  const message =
    err instanceof InvalidEnvironment ? err.message : `projector failed to start: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
