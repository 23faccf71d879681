import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import pino, { Logger } from 'pino';
import {
  databaseConnectionOf,
  InvalidEnvironment,
  logDestination,
  logFormatOf,
  logNameOf,
  parseEnv,
} from '@newsroom/settings';
import { assertDatabaseReachable } from '@newsroom/event-store';
import { createKafka, ensureTopicsWithRetry } from '@newsroom/messaging';
import { RelayModule } from './relay.module';
import { RelaySettings, relaySettings } from './relay.settings';

/** A broker that is down at start-up is waited for, not a crash: the API keeps taking commands meanwhile. */
function ensureTopicsExist(s: RelaySettings, log: Logger): Promise<void> {
  const kafka = createKafka({ brokers: s.brokers, clientId: s.clientId, ...s.kafkaSecurity });
  return ensureTopicsWithRetry(kafka, s.topicPrefix, (err, retryInMs) =>
    log.warn({ err: err.message, retryInMs }, 'cannot ensure the Kafka topics yet'),
  );
}

async function main() {
  const env = parseEnv();
  const settings = relaySettings(env);
  // Synchronous writes: the last lines of a shutdown must reach stdout before the process exits.
  const name = logNameOf(env, 'outbox-relay');
  const log = pino(
    { level: env.LOG_LEVEL, base: { app: name, instance: settings.instanceId } },
    logDestination(logFormatOf(env, process.stdout.isTTY === true), name) ?? pino.destination({ dest: 1, sync: true }),
  );
  const db = databaseConnectionOf(env, 'relay');
  await assertDatabaseReachable(db.url, db.variable);
  await ensureTopicsExist(settings, log);
  const app = await NestFactory.createApplicationContext(RelayModule.forRoot(settings, log), { logger: false });
  // SIGTERM/SIGINT close the context (the batch in flight finishes, the lock is released), then exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
}

main().catch((err: unknown) => {
  // A configuration or connection problem is one line for the operator, not a stack trace.
  const message =
    err instanceof InvalidEnvironment ? err.message : `outbox-relay failed to start: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
