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

  it('answers 200 when PostgreSQL and Kafka both answer', async () => {
    const res = await api.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.details).toMatchObject({ postgres: { status: 'up' }, kafka: { status: 'up' } });
  });

  it('answers 503 naming Kafka within 10 s of the broker stopping, and 200 again once it is back', async () => {
    execFileSync('bash', [infra, 'kafka-stop'], { stdio: 'inherit' });
    const stoppedAt = Date.now();
    const down = await waitFor(
      'a 503 naming kafka',
      async () => {
        const res = await api.http().get('/health');
        return res.status === 503 ? res : undefined;
      },
      10000,
      200,
    );
    expect(Date.now() - stoppedAt).toBeLessThanOrEqual(10000);
    expect(down.body.error).toHaveProperty('kafka');
    expect(down.body.error).not.toHaveProperty('postgres');

    execFileSync('bash', [infra, 'kafka-start'], { stdio: 'inherit' });
    const up = await waitFor(
      'a 200 after the broker restarted',
      async () => {
        const res = await api.http().get('/health');
        return res.status === 200 ? res : undefined;
      },
      60000,
      500,
    );
    expect(up.body.details.kafka.status).toBe('up');
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
