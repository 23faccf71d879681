import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DatabasePrivileges } from '@newsroom/event-store';
import { DATABASE_URL_VARIABLES } from '@newsroom/settings';
import { createTestDatabase, type Migrations, type TestDatabase } from './test-database';

export interface ApiHarness {
  app: INestApplication;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  tokenFor(role: 'editor' | 'reporter' | 'auditor' | 'admin'): Promise<string>;
  close(): Promise<void>;
}

export type CreateApi = (opts: { logs?: boolean }) => Promise<INestApplication>;

/**
 * The real API in-process, on a migrated schema of its own in the test database, connected as the
 * API's role (and rebuilding as the projector's) as in production. `createApi`, `migrations` and
 * `privileges` are passed in so this lib never imports an app or a read model.
 */
export async function startApi(
  label: string,
  createApi: CreateApi,
  migrations: Migrations,
  privileges: DatabasePrivileges,
): Promise<ApiHarness> {
  const db = await createTestDatabase(label, migrations, privileges);
  process.env.DATABASE_URL = db.url;
  process.env[DATABASE_URL_VARIABLES.api] = db.roleUrls!.api;
  process.env[DATABASE_URL_VARIABLES.projector] = db.roleUrls!.projector;
  process.env.DATABASE_SCHEMA = db.schema;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = 'silent';
  // One master key for the API and every process the suite starts (they inherit this environment).
  process.env.NEWSROOM_MASTER_KEY ??= randomBytes(32).toString('base64');
  const app = await createApi({ logs: false });
  await app.init();
  // Read once by the API's configuration: a process the suite spawns itself starts from DATABASE_URL alone.
  delete process.env[DATABASE_URL_VARIABLES.api];
  delete process.env[DATABASE_URL_VARIABLES.projector];
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    http: () => request(server),
    async tokenFor(role) {
      if (!tokens.has(role)) {
        const res = await request(server)
          .post('/api/auth/login')
          .send({ email: `${role}@newsroom.test`, password: 'newsroom' });
        if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(role, res.body.accessToken);
      }
      return tokens.get(role)!;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
