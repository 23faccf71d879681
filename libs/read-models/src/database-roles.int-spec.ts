import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  grantAppRoles,
  handleCommand,
  OutboxTable,
  parseStreamId,
  PostgresEventStore,
  type CommandEnvelope,
} from '@newsroom/event-store';
import { APP_PROCESSES, DEFAULT_DATABASE_ROLES, type AppProcess } from '@newsroom/settings';
import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { allMigrations, allPrivileges } from './migrations';
import { rebuildProjection } from './runner/rebuild';
import { appendStories } from './runner/synthetic-article-streams';

// Each process's role on a schema set up as `npm run migrate` sets it up, connected as that role.
let db: TestDatabase;
const as = {} as Record<AppProcess, DataSource>;

beforeAll(async () => {
  db = await createTestDatabase('database_roles', allMigrations, allPrivileges);
  for (const app of APP_PROCESSES) {
    as[app] = new DataSource(dataSourceOptions({ url: db.roleUrls![app], schema: db.schema, poolSize: 8 }));
    await as[app].initialize();
  }
});
afterAll(async () => {
  for (const app of APP_PROCESSES) await as[app]?.destroy();
  await db.drop();
});

async function appendAsTheApi(): Promise<string> {
  const streamId = `counter-${randomUUID()}`;
  const id = randomUUID();
  const envelope: CommandEnvelope<CounterCommand> = {
    streamId,
    command: { type: 'Increment', by: 1 },
    metadata: {
      actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
      commandId: id,
      correlationId: id,
      causationId: id,
    },
    now: new Date().toISOString(),
  };
  await handleCommand(new PostgresEventStore(as.api), counterDecider, envelope, ({ version }) => ({ version }));
  return streamId;
}

// The append-only trigger answers UPDATE and DELETE with the same SQLSTATE, so the refusal is told
// apart by its message: the role's privileges stop the statement before any trigger runs.
const tamperings: Array<[string, string, RegExp]> = [
  ['update an event', `UPDATE events SET type = 'Forged'`, /permission denied for table events/],
  ['delete an event', `DELETE FROM events`, /permission denied for table events/],
  ['truncate the events', `TRUNCATE events`, /permission denied for table events/],
  [
    'disable the append-only trigger',
    `ALTER TABLE events DISABLE TRIGGER events_no_update_delete`,
    /must be owner of table events/,
  ],
  ['disable every trigger', `ALTER TABLE events DISABLE TRIGGER ALL`, /must be owner of table events/],
  [
    'skip triggers as a replica',
    `SET session_replication_role = replica`,
    /permission denied to set parameter "session_replication_role"/,
  ],
  ['drop the events', `DROP TABLE events`, /must be owner of table events/],
];

describe("the API's database role", () => {
  it('appends through the event store, with its outbox row, and reads the stream back', async () => {
    const streamId = await appendAsTheApi();

    expect(await new PostgresEventStore(as.api).readStream(streamId)).toHaveLength(1);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE stream_id = $1`, [streamId]);
    expect(n).toBe(1);
  });

  it.each(tamperings)('cannot %s', async (_, sql, refusal) => {
    await expect(as.api.query(sql)).rejects.toThrow(refusal);
  });

  it('reads the read models but cannot write them, nor create a table', async () => {
    await expect(as.api.query(`SELECT count(*) FROM article_list`)).resolves.toHaveLength(1);
    await expect(as.api.query(`DELETE FROM article_state`)).rejects.toThrow(/permission denied for table/);
    await expect(as.api.query(`CREATE TABLE forged (a int)`)).rejects.toThrow(/permission denied for schema/);
  });
});

describe("the relay's database role", () => {
  it('reads the outbox with its events and deletes what it sent', async () => {
    const streamId = await appendAsTheApi();
    const outbox = new OutboxTable(db.roleUrls!.relay, db.schema);
    try {
      const rows = (await outbox.oldest(1000, [parseStreamId(streamId)!.streamType])).filter(
        (r) => r.stream_id === streamId,
      );
      expect(rows).toHaveLength(1);
      await outbox.remove(rows.map((r) => r.id));
      expect(
        (await outbox.oldest(1000, [parseStreamId(streamId)!.streamType])).filter((r) => r.stream_id === streamId),
      ).toEqual([]);
    } finally {
      await outbox.close();
    }
  });

  it.each([
    ...tamperings,
    ['forge an outbox row', `INSERT INTO outbox (global_position, stream_id) VALUES (1, 'x')`, /permission denied/],
    ['read the users', `SELECT * FROM users`, /permission denied for table users/],
  ])('cannot %s', async (_, sql, refusal) => {
    await expect(as.relay.query(sql)).rejects.toThrow(refusal);
  });
});

const ownersOf = (prefix: string) =>
  db.dataSource.query(
    `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = $1 AND tablename LIKE $2 ORDER BY tablename`,
    [db.schema, `${prefix}%`],
  );

describe("the projector's database role", () => {
  it.each([...tamperings, ['read the users', `SELECT * FROM users`, /permission denied for table users/]])(
    'cannot %s',
    async (_, sql, refusal) => {
      await expect(as.projector.query(sql)).rejects.toThrow(refusal);
    },
  );

  it('rebuilds a read model it owns, and the API still reads the tables swapped in', async () => {
    await appendStories(db.dataSource, 'feed', 3, 4);

    const result = await rebuildProjection(as.projector, 'article_list');

    expect(result.events).toBeGreaterThanOrEqual(12);
    const [{ n }] = await as.api.query(`SELECT count(*)::int AS n FROM article_list`);
    expect(n).toBe(3);
    expect(await ownersOf('article_list')).toEqual([
      { tablename: 'article_list', tableowner: DEFAULT_DATABASE_ROLES.projector },
      { tablename: 'article_list_article_rows', tableowner: DEFAULT_DATABASE_ROLES.projector },
    ]);
  });

  it('keeps the read model when the owner rebuilds it (projections:rebuild with DATABASE_URL)', async () => {
    await appendStories(db.dataSource, 'fade', 2, 3);

    await rebuildProjection(db.dataSource, 'audit_trail');

    const [{ n }] = await as.api.query(
      `SELECT count(*)::int AS n FROM audit_trail WHERE article_id::text LIKE 'fade%'`,
    );
    expect(n).toBe(6);
    expect(await ownersOf('audit_trail')).toEqual([
      { tablename: 'audit_trail', tableowner: DEFAULT_DATABASE_ROLES.projector },
      { tablename: 'audit_trail_article_rows', tableowner: DEFAULT_DATABASE_ROLES.projector },
    ]);
    await expect(rebuildProjection(as.projector, 'audit_trail')).resolves.toMatchObject({ heldBackArticles: 0 });
  });
});

// Owners and grants; no ACL at all means the owner's default one.
const grantsIn = (schema: string) =>
  db.dataSource.query(
    `SELECT relname, relowner, COALESCE(relacl, acldefault('r', relowner))::text AS acl
     FROM pg_class WHERE relnamespace = $1::regnamespace ORDER BY relname`,
    [schema],
  );

describe('the roles and their grants', () => {
  it('are plain logins: no superuser, role or database creation, RLS bypass or replication', async () => {
    const roles = await db.dataSource.query(
      `SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
       FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [Object.values(DEFAULT_DATABASE_ROLES)],
    );
    const plain = { rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false };
    expect(roles).toEqual(
      Object.values(DEFAULT_DATABASE_ROLES)
        .sort()
        .map((rolname) => ({ rolname, ...plain, rolbypassrls: false, rolreplication: false })),
    );
  });

  it('cover every table the migrations create, and applying them again changes nothing', async () => {
    const before = await grantsIn(db.schema);

    expect(await grantAppRoles(db.dataSource, DEFAULT_DATABASE_ROLES, allPrivileges)).toEqual([]);
    expect(await grantsIn(db.schema)).toEqual(before);
  });
});
