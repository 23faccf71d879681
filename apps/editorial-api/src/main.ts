import 'reflect-metadata';
import { InvalidEnvironment, parseEnv } from '@newsroom/contracts';
import { assertDatabaseReachable } from '@newsroom/event-store';
import { createApi } from './bootstrap';

async function main() {
  const env = parseEnv();
  await assertDatabaseReachable(env.DATABASE_URL);
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
