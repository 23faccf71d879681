import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  allMigrations,
  appendStories,
  ARTICLE_READ_MODELS,
  projectionStatuses,
  READ_MODELS,
  readEventPage,
  rebuildProjections,
} from '@newsroom/read-models';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, sendPages, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';

// The compiled projector as operators run it: `npm test` builds dist/ before the integration tests.
const MAIN = join(__dirname, '../../../dist/apps/projector/src/main.js');

interface Run {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function run(env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk) => stderr.push(String(chunk)));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr, exited };
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
});

describe('a bad start', () => {
  it.each([
    [{ KAFKA_BROKERS: 'no port here' }, /^Invalid configuration: KAFKA_BROKERS /],
    [{ PROJECTIONS: 'article_state,headlines' }, /^Invalid configuration: PROJECTIONS .*\(got headlines\)$/],
    [
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/newsroom_test' },
      /^projector failed to start: cannot reach PostgreSQL at 127\.0\.0\.1:1\/newsroom_test/,
    ],
  ])('with %j exits 1 with one line', async (env, message) => {
    const { exited, stderr } = run(env);
    expect(await exited).toEqual({ code: 1, signal: null });
    const lines = stderr.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('the projector killed with SIGKILL in the middle of 8,000 events', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let k: TestKafka;
  let env: NodeJS.ProcessEnv;
  const running: Run[] = [];
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('projector_kill', allMigrations);
    ds = db.dataSource;
    k = await testKafka('kill');
    await appendStories(ds, 'dead0', 400, 20);
    await sendPages(k, (after) => readEventPage(ds.manager, after, 1000));
    env = { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema, KAFKA_TOPIC_PREFIX: k.prefix, NODE_ENV: 'test' };
  });
  afterAll(async () => {
    for (const r of running) r.child.kill('SIGKILL');
    await k.close();
    await db.drop();
  });

  it('loses and repeats nothing once restarted, and builds what a rebuild builds', async () => {
    const first = run(env);
    running.push(first);
    await waitFor(
      'the first audit entries',
      async () => (await count(`SELECT count(*) AS n FROM audit_trail`)) > 0,
      30_000,
      5,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = await count(`SELECT count(*) AS n FROM audit_trail`);
    expect(atKill).toBeLessThan(8000); // killed mid-way, or this test proves nothing

    const second = run(env);
    running.push(second);
    // Counted in each batch's own transaction, so every article read model reaches 8,000 once all is applied.
    const ofArticles = (name: string) => (ARTICLE_READ_MODELS as readonly string[]).includes(name);
    await waitFor(
      'every article read model to count 8,000 events applied',
      async () =>
        (await projectionStatuses(ds)).filter((s) => ofArticles(s.name)).every((s) => s.eventsApplied >= 8000),
      60_000,
      100,
    );
    const [audit] = await ds.query(`SELECT count(*)::int AS entries, count(DISTINCT event_id)::int AS events,
      (SELECT count(*)::int FROM (
        SELECT 1 FROM audit_trail GROUP BY article_id HAVING max(version) <> count(*)) g) AS gapped
      FROM audit_trail`);
    expect(audit).toEqual({ entries: 8000, events: 8000, gapped: 0 });
    // Counted in the batch transactions: a batch cut off by the kill was rolled back and counted once, when redone.
    const statuses = (await projectionStatuses(ds)).filter((v) => ARTICLE_READ_MODELS.includes(v.name));
    expect(new Set(statuses.map((v) => v.eventsApplied))).toEqual(new Set([8000]));

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    for (const r of await rebuildProjections(ds, READ_MODELS)) expect(r.contentHash).toBe(r.replacedContentHash);
  }, 120_000);
});
