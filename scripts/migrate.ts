import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { APP_PROCESSES, InvalidEnvironment, loginOf, parseEnv, roleDatabaseUrls } from '@newsroom/settings';
import {
  dataSourceOptions,
  DatabaseRoleRefused,
  ensureAppRoles,
  grantAppRoles,
  type AppRoles,
} from '@newsroom/event-store';
import { allMigrations, allPrivileges } from '@newsroom/read-models';

/**
 * Applies every pending migration to DATABASE_URL (and to the test database with --test), as the
 * owner, then sets up each process's role and grants it what it needs on the schema (README,
 * "Database roles"). A process whose URL logs in as the owner itself is left as it is.
 */
async function main() {
  const env = parseEnv();
  const urls = [env.DATABASE_URL];
  if (process.argv.includes('--test')) urls.push(env.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, '/newsroom_test$1'));
  const owner = loginOf(env.DATABASE_URL).role;
  const logins = Object.entries(roleDatabaseUrls(env)).map(([app, url]) => ({ app, ...loginOf(url) }));
  const roles: AppRoles = Object.fromEntries(logins.filter((l) => l.role !== owner).map((l) => [l.app, l.role]));
  for (const url of urls) {
    const ds = new DataSource(
      dataSourceOptions({ url, schema: env.DATABASE_SCHEMA, migrations: allMigrations, poolSize: 1 }),
    );
    await ds.initialize();
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      await ensureAppRoles(
        ds,
        logins.filter((l) => l.role !== owner),
      );
      const undeclared = await grantAppRoles(ds, roles, allPrivileges);
      const db = new URL(url).pathname.slice(1);
      process.stdout.write(`migrations: ${done.length} applied to ${db}; roles: ${describe(roles)}\n`);
      if (undeclared.length > 0) {
        process.stdout.write(`migrations: no process may use ${undeclared.join(', ')} (not in allPrivileges)\n`);
      }
    } finally {
      await ds.destroy();
    }
  }
}

function describe(roles: AppRoles): string {
  const set = APP_PROCESSES.filter((app) => roles[app]).map((app) => `${app} as ${roles[app]}`);
  return set.length > 0 ? set.join(', ') : 'every process connects as the owner';
}

main().catch((err: unknown) => {
  const known = err instanceof InvalidEnvironment || err instanceof DatabaseRoleRefused;
  const message = known ? (err as Error).message : `migrate failed: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
