import { Client, type ClientConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EventStore1764300000000 } from './migrations/1764300000000-event-store.migration';
import { Users1764300000001 } from './migrations/1764300000001-users.migration';
import { IdempotentAnswers1764300000010 } from './migrations/1764300000010-idempotent-answers.migration';
import { Sessions1764300000020 } from './migrations/1764300000020-sessions.migration';
import { SafeInstants1764300000070 } from './migrations/1764300000070-safe-instants.migration';
import { TransparencyLog1764300000600 } from './migrations/1764300000600-transparency-log.migration';
import { MerkleLogCompact1764300000610 } from './migrations/1764300000610-merkle-log-compact.migration';
import { FieldKeys1764300001200 } from './migrations/1764300001200-field-keys.migration';
import { FieldKeysByKidOnly1764300001250 } from './migrations/1764300001250-field-keys-by-kid-only.migration';
import { EraseEventFields1764300001300 } from './migrations/1764300001300-erase-event-fields.migration';

/** Migrations of every lib, in order; read-model migrations are appended by their lib. */
export const eventStoreMigrations = [
  EventStore1764300000000,
  Users1764300000001,
  IdempotentAnswers1764300000010,
  Sessions1764300000020,
  SafeInstants1764300000070,
  TransparencyLog1764300000600,
  MerkleLogCompact1764300000610,
  FieldKeys1764300001200,
  FieldKeysByKidOnly1764300001250,
  EraseEventFields1764300001300,
];

/**
 * A pooled client that never crashes its process. pg emits 'error' on a client whose server ended the
 * session (`pg_terminate_backend`, a restart) while no query is running on it; the pool listens only
 * while the client is idle, and TypeORM only while a query runner holds it, so in between an event
 * with no listener would throw from the socket and end the process. Here it is noted and dropped: the
 * client is unqueryable from then on, its holder's next query fails as a lost connection (a 503 or a
 * retry), and the pool discards it on release.
 */
class ResilientClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export interface DataSourceSettings {
  url: string;
  /** A PostgreSQL schema to work in; test suites use their own to stay isolated. */
  schema?: string;
  poolSize?: number;
  /** Connections kept open when idle (pg-pool's `min`); none unless given. */
  poolMin?: number;
  migrations?: DataSourceOptions['migrations'];
  /**
   * Names the process in pg_stat_activity, unless the URL's `application_name` or PGAPPNAME names it
   * (a deployment, or a test that cuts only its own connections).
   */
  applicationName?: string;
}

export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  const schema = s.schema ?? 'public';
  return {
    type: 'postgres',
    url: s.url,
    schema,
    synchronize: false,
    migrationsRun: false,
    migrations: s.migrations ?? eventStoreMigrations,
    migrationsTableName: 'typeorm_migrations',
    poolSize: s.poolSize ?? 20,
    // search_path makes the unqualified names in migrations and queries land in the schema.
    extra: {
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 5000,
      min: Math.min(s.poolMin ?? 0, s.poolSize ?? 20),
      Client: ResilientClient,
      ...(s.applicationName ? { fallback_application_name: s.applicationName } : {}),
    },
  };
}

export async function createSchemaIfMissing(ds: DataSource, schema: string): Promise<void> {
  await ds.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
}
