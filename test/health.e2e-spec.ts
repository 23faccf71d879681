import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@newsroom/testing';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

const infra = join(__dirname, '..', 'infra', 'infra.sh');
const mainJs = join(__dirname, '..', 'dist', 'apps', 'editorial-api', 'src', 'main.js');

describe('health and start-up', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startNewsroomApi('health');
  });
  afterAll(async () => {
    execFileSync('bash', [infra, 'kafka-start'], { stdio: 'inherit' });
    await api.close();
  });

  it('is live, ready and ok when PostgreSQL and Kafka both answer, with the outbox backlog', async () => {
    await api.http().get('/health/live').expect(200, { status: 'ok' });
    for (const path of ['/health/ready', '/health']) {
      const res = await api.http().get(path);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        details: { postgres: { status: 'up' }, kafka: { status: 'up' }, outbox: { status: 'up', backlog: 0 } },
      });
    }
  });

  it('stays live and ready while the broker is down, reporting Kafka down and the backlog growing', async () => {
    execFileSync('bash', [infra, 'kafka-stop'], { stdio: 'inherit' });
    const stoppedAt = Date.now();
    const degraded = await waitFor(
      'readiness reporting kafka down',
      async () => {
        const res = await api.http().get('/health/ready');
        return res.body.details?.kafka?.status === 'down' ? res : undefined;
      },
      10000,
      200,
    );
    expect(Date.now() - stoppedAt).toBeLessThanOrEqual(10000);
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', details: { postgres: { status: 'up' } } });
    // Commands still succeed: the outbox keeps them for the relay (none runs here), and the report counts them.
    const auth = { Authorization: `Bearer ${await api.tokenFor('editor')}` };
    await api.http().post('/api/articles').set(auth).send({ headline: 'Written while the broker is down' }).expect(201);
    const after = await api.http().get('/health/ready').expect(200);
    expect(after.body.details.outbox).toEqual({ status: 'up', backlog: 1 });
    await api.http().get('/health/live').expect(200);

    execFileSync('bash', [infra, 'kafka-start'], { stdio: 'inherit' });
    const up = await waitFor(
      'kafka up again in the readiness report',
      async () => {
        const res = await api.http().get('/health/ready');
        return res.body.details?.kafka?.status === 'up' ? res : undefined;
      },
      60000,
      500,
    );
    // No relay drains this suite's outbox: the backlog stays, reported; only Kafka made it degraded.
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', details: { outbox: { backlog: 1 } } });
  });

  it.each([
    ['a malformed DATABASE_URL', { DATABASE_URL: 'mysql://nobody@nowhere/x' }, /DATABASE_URL/],
    ['an unreachable database', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/newsroom' }, /failed to start/],
    ['a wrong PORT', { PORT: 'eighty' }, /PORT/],
  ])('refuses to start with %s, in one line and without a stack trace', (_, env, pattern) => {
    const run = spawnSync(process.execPath, [mainJs], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
