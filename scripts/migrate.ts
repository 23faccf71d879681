import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InvalidEnvironment, parseEnv } from '@newsroom/settings';
import { dataSourceOptions } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';

/** Applies every pending migration to DATABASE_URL (and to the test database with --test). */
async function main() {
  const env = parseEnv();
  const urls = [env.DATABASE_URL];
  if (process.argv.includes('--test')) urls.push(env.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, '/newsroom_test$1'));
  for (const url of urls) {
    const ds = new DataSource(
      dataSourceOptions({ url, schema: env.DATABASE_SCHEMA, migrations: allMigrations, poolSize: 1 }),
    );
    await ds.initialize();
    const done = await ds.runMigrations({ transaction: 'each' });
    process.stdout.write(`migrations: ${done.length} applied to ${new URL(url).pathname.slice(1)}\n`);
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof InvalidEnvironment ? err.message : `migrate failed: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
