import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ARTICLE_STREAM_PREFIX } from '@newsroom/editorial-domain';
import { waitFor } from '@newsroom/testing';
import type { SystemHarness } from '@newsroom/testing-system';
import { startNewsroom } from './newsroom.harness';

const infra = join(__dirname, '..', 'infra', 'infra.sh');
const OUTAGE_MS = 20_000;

let sys: SystemHarness;
beforeAll(async () => {
  sys = await startNewsroom('outage');
});
afterAll(async () => {
  execFileSync('bash', [infra, 'kafka-start'], { stdio: 'inherit' });
  await sys.close();
});

/** Which stage held the events back when a wait timed out: the relay (outbox) or the projector. */
async function whereItStopped(): Promise<string> {
  const [{ backlog }] = await sys.db.dataSource.query(`SELECT count(*)::int AS backlog FROM outbox`);
  const projector = sys.children.get('projector');
  const relay = sys.children.get('outbox-relay');
  const alive = (c?: { exitCode: number | null; signalCode: string | null }) =>
    c && c.exitCode === null && c.signalCode === null ? 'running' : 'exited';
  return `outbox backlog ${backlog}; relay ${alive(relay)}; projector ${alive(projector)}`;
}

describe('a broker outage', () => {
  it('keeps accepting commands for 20 s and delivers each of them to the read models once it is back', async () => {
    const editor = { Authorization: `Bearer ${await sys.tokenFor('editor')}` };
    const draft = async (headline: string) =>
      (await sys.http().post('/api/articles').set(editor).send({ headline }).expect(201)).body;
    const before = await draft('Before the outage');
    await waitFor(
      'the first article in the read model',
      async () => (await sys.http().get(`/api/articles/${before.id}`).set(editor)).status === 200,
      30_000,
    );

    execFileSync('bash', [infra, 'kafka-stop'], { stdio: 'inherit' });
    const accepted = new Map<string, number>();
    const ids = [before.id];
    const until = Date.now() + OUTAGE_MS;
    for (let i = 0; Date.now() < until; i++) {
      // The outage itself is the scenario: commands keep arriving on a clock, not on a result.
      if (i % 3 === 0) {
        const a = await draft(`During the outage ${i}`);
        ids.push(a.id);
        accepted.set(a.id, a.version);
      } else {
        const id = ids[i % ids.length];
        const res = await sys
          .http()
          .post(`/api/articles/${id}/contributors`)
          .set(editor)
          .send({ name: `Writer ${i}`, role: 'contributor' });
        expect(res.status).toBe(201);
        accepted.set(id, res.body.version);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(accepted.size).toBeGreaterThan(5);
    const [{ backlog }] = await sys.db.dataSource.query(`SELECT count(*)::int AS backlog FROM outbox`);
    expect(backlog).toBeGreaterThan(0);

    execFileSync('bash', [infra, 'kafka-start'], { stdio: 'inherit' });
    for (const [id, version] of accepted) {
      const res = await sys.http().get(`/api/articles/${id}?minVersion=${version}`).set(editor);
      if (res.status === 200 && res.body.version >= version) continue;
      await waitFor(
        `article ${id} at version ${version} in the read model`,
        async () => {
          const r = await sys.http().get(`/api/articles/${id}?minVersion=${version}`).set(editor);
          return r.status === 200 && r.body.version >= version;
        },
        90_000,
        250,
      ).catch(async (err: Error) => {
        throw new Error(`${err.message} (${await whereItStopped()})`);
      });
    }
    // Article events only: account events (the seeded users') stay out of Kafka and the audit trail.
    const [{ n: stored }] = await sys.db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE starts_with(stream_id, $1)`,
      [ARTICLE_STREAM_PREFIX],
    );
    const audited = await waitFor(
      'every stored event in the audit trail',
      async () => {
        const [{ n }] = await sys.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_trail`);
        return n === stored ? n : undefined;
      },
      60_000,
      250,
    );
    expect(audited).toBe(stored);
  });
});
