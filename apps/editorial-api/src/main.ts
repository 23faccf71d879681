import 'reflect-metadata';
import { databaseConnectionOf, InvalidEnvironment } from '@newsroom/settings';
import { assertDatabaseReachable } from '@newsroom/event-store';
import { createApi } from './bootstrap';
import { parseApiEnv } from './config/api-env.schema';

async function main() {
  const env = parseApiEnv();
  const db = databaseConnectionOf(env, 'api');
  await assertDatabaseReachable(db.url, db.variable);
  const app = await createApi();
  await app.listen(env.PORT);
}

main().catch((err: unknown) => {
  // A configuration or connection problem is one line for the operator, not a stack trace.
  const message =
    err instanceof InvalidEnvironment ? err.message : `editorial-api failed to start: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
