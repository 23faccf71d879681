import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventStoreMigrations } from '@newsroom/event-store';
import { createKafka, topicNames } from '@newsroom/messaging';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { LOCK_NAMESPACE } from './leader.lock';
import { appendTo, newArticleId, outboxSize } from './relay.fixture';
import { brokers, deleteTopics, oneToN, TopicReader } from './topic-reader.fixture';

const ROOT = join(__dirname, '..', '..', '..');

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** The entry point as an operator runs it, compiled on the fly by tsx. */
function runMain(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env },
  });
  const run: Run = { child, stdout: [], stderr: [], exited: new Promise((r) => child.on('exit', (code) => r(code))) };
  child.stdout!.on('data', (d: Buffer) => run.stdout.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => run.stderr.push(...d.toString().split('\n').filter(Boolean)));
  return run;
}

let db: TestDatabase;
let run: Run | undefined;
let reader: TopicReader | undefined;
const prefix = `t${randomUUID().slice(0, 8)}.`;

beforeAll(async () => {
  db = await createTestDatabase('relay_main', eventStoreMigrations);
});
afterAll(async () => {
  run?.child.kill('SIGKILL');
  await reader?.stop();
  await db?.drop();
  await deleteTopics(prefix);
});

describe('the outbox-relay entry point', () => {
  it.each([
    ['a malformed RELAY_METRICS_PORT', { RELAY_METRICS_PORT: 'ninety' }, /^Invalid configuration: RELAY_METRICS_PORT /],
    [
      'an unreachable database',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/newsroom' },
      /^outbox-relay failed to start: cannot reach PostgreSQL at 127.0.0.1:1/,
    ],
  ])('refuses %s in one line and exits 1', async (_, env, message) => {
    const bad = runMain(env);
    expect(await bad.exited).toBe(1);
    expect(bad.stderr).toHaveLength(1);
    expect(bad.stderr[0]).toMatch(message);
  });

  it('creates its topics, relays, serves /health and /metrics; on SIGTERM releases the lock, exits 0', async () => {
    run = runMain({
      DATABASE_URL: db.url,
      DATABASE_SCHEMA: db.schema,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      RELAY_METRICS_PORT: '0',
      LOG_LEVEL: 'info',
    });
    const port = await waitFor(
      'the metrics port in the start-up log',
      async () => run!.stdout.map((l) => JSON.parse(l)).find((l) => l.metricsPort)?.metricsPort as number | undefined,
      30_000,
    );
    const admin = createKafka({ brokers, clientId: 'relay-main-int-spec' }).admin();
    await admin.connect();
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(Object.values(topicNames(prefix))));
    await admin.disconnect();
    await waitFor('/health 200', async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, 5000);

    reader = await TopicReader.start(prefix);
    const article = newArticleId();
    for (let i = 0; i < 3; i++) await appendTo(db, article);
    await waitFor('three events in Kafka', async () => reader!.reached(new Map([[article, 3]])), 10_000);
    expect(reader.versionsByArticle().get(article)).toEqual(oneToN(3));
    await waitFor('an empty outbox', async () => (await outboxSize(db)) === 0, 5000);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toMatch(
      /^newsroom_outbox_published_total 3$/m,
    );
    // The transaction-level form conflicts with the relay's session lock and lets go by itself.
    const tryLock = () =>
      db.dataSource.query(`SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked`, [LOCK_NAMESPACE, db.schema]);
    expect(await tryLock()).toEqual([{ locked: false }]);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(JSON.parse(run.stdout.at(-1)!).msg).toBe('outbox relay stopped');
    expect(await tryLock()).toEqual([{ locked: true }]);
  });
});
