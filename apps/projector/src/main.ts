import 'reflect-metadata';
import pino from 'pino';
import { databaseConnectionOf, InvalidEnvironment } from '@newsroom/settings';
import { assertDatabaseReachable } from '@newsroom/event-store';
import { projectorConfig } from './projector.config';
import { startProjector } from './projector';

async function main() {
  const config = projectorConfig();
  const db = databaseConnectionOf(config.env, 'projector');
  await assertDatabaseReachable(db.url, db.variable);
  const log = pino({ name: 'projector', level: config.env.LOG_LEVEL });
  let stopping = false;
  const projector = await startProjector(config, log, (err) => {
    log.fatal({ err: err.message }, 'a consumer stopped for good; exiting so the process is restarted');
    process.exit(1);
  });
  log.info({ groups: projector.consumers.map((c) => c.groupId) }, 'projector running');
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing the batches in flight');
    projector.stop().then(
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

main().catch((err: unknown) => {
  // A configuration or connection problem is one line for the operator, not a stack trace.
  const message =
    err instanceof InvalidEnvironment ? err.message : `projector failed to start: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
