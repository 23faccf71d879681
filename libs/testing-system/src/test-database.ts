import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import {
  createSchemaIfMissing,
  dataSourceOptions,
  ensureAppRoles,
  grantAppRoles,
  type DatabasePrivileges,
} from '@newsroom/event-store';
import { APP_PROCESSES, DEFAULT_DATABASE_ROLES, withUser, type AppProcess } from '@newsroom/settings';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';

export interface TestDatabase {
  /** The owner's URL (the migrations ran with it); a suite's own checks and fixtures use it. */
  url: string;
  schema: string;
  /** The owner's connection. */
  dataSource: DataSource;
  /** Each process's role URL, when the schema was set up with privileges (as `npm run migrate` does). */
  roleUrls?: Record<AppProcess, string>;
  drop(): Promise<void>;
}

/** The migrations a suite's schema gets; the composition root (or the lib under test) knows them. */
export type Migrations = NonNullable<DataSourceOptions['migrations']>;

/**
 * A schema of its own for one suite, in the test database, migrated with `migrations`, dropped afterwards.
 * Given `privileges`, the processes' roles are set up on it too (roles are cluster-wide, grants are per
 * schema), so the suite can run the apps as they run in production.
 */
export async function createTestDatabase(
  label: string,
  migrations: Migrations,
  privileges?: DatabasePrivileges,
): Promise<TestDatabase> {
  const schema = `t_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, poolSize: 1 });
  await admin.initialize();
  await createSchemaIfMissing(admin, schema);
  await admin.destroy();
  const dataSource = new DataSource(dataSourceOptions({ url: TEST_DATABASE_URL, schema, migrations, poolSize: 60 }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  let roleUrls: TestDatabase['roleUrls'];
  if (privileges) {
    await ensureAppRoles(
      dataSource,
      APP_PROCESSES.map((app) => ({ role: DEFAULT_DATABASE_ROLES[app] })),
    );
    await grantAppRoles(dataSource, DEFAULT_DATABASE_ROLES, privileges);
    roleUrls = Object.fromEntries(
      APP_PROCESSES.map((app) => [app, withUser(TEST_DATABASE_URL, DEFAULT_DATABASE_ROLES[app])]),
    ) as Record<AppProcess, string>;
  }
  return {
    url: TEST_DATABASE_URL,
    schema,
    dataSource,
    roleUrls,
    async drop() {
      await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
      await dataSource.destroy();
    },
  };
}
