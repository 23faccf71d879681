import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createSchemaIfMissing, dataSourceOptions } from '@newsroom/event-store';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsroom_test';

export interface TestDatabase {
  url: string;
  schema: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** The migrations a suite's schema gets; the composition root (or the lib under test) knows them. */
export type Migrations = NonNullable<DataSourceOptions['migrations']>;

/** A schema of its own for one suite, in the test database, migrated with `migrations`, dropped afterwards. */
export async function createTestDatabase(label: string, migrations: Migrations): Promise<TestDatabase> {
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
  return {
    url: TEST_DATABASE_URL,
    schema,
    dataSource,
    async drop() {
      await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
      await dataSource.destroy();
    },
  };
}
