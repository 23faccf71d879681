import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { stopChild, type SystemHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// PostgreSQL ends every application connection at once (a failover, a restart, an administrator):
// requests in flight then get a success or a 503 with Retry-After, never a 500, nothing is stored
// twice or by halves, and the relay and projector processes carry on. The cut ends only this suite's
// connections (they carry its application_name): the database is shared with other suites.

const tag = `cut_${randomBytes(4).toString('hex')}`;
const APP_ROLES = ['newsroom_api', 'newsroom_relay', 'newsroom_projector'];
let sys: SystemHarness;
let client: ReturnType<typeof newsroomClient>;

const named = (url: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', tag);
  return u.toString();
};

beforeAll(async () => {
  // The in-process API and the projector take their name from PGAPPNAME; the relay names its own
  // connections, which the URL's application_name overrides.
  process.env.PGAPPNAME = tag;
  sys = await startNewsroom('db_cut');
  await stopChild(sys.children.get('outbox-relay')!);
  sys.startApp('outbox-relay', { RELAY_DATABASE_URL: named(sys.db.roleUrls!.relay) });
  client = newsroomClient(sys);
});
afterAll(async () => {
  delete process.env.PGAPPNAME;
  await sys.close();
});

/** Terminates every connection of this suite's apps, as the owner; answers how many. */
async function cutConnections(roles = APP_ROLES): Promise<number> {
  const [{ n }] = await sys.db.dataSource.query(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE application_name = $1 AND usename = ANY($2::text[])`,
    [tag, roles],
  );
  return n;
}

type Sent = { kind: 'draft' | 'revise' | 'read' | 'list'; res: Response; articleId?: string };

function draft(auth: Record<string, string>, key?: string) {
  const req = sys.http().post('/api/articles').set(auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send({ headline: `Cut ${randomUUID()}` });
}

describe('cutting the database connections during requests', () => {
  it('answers each request 200/201 or 503 with Retry-After, never 500, and stores every write once', async () => {
    const auth = await client.as('editor');
    const targets: string[] = [];
    for (let i = 0; i < 30; i++) targets.push((await draft(auth)).body.id);
    const sent: Sent[] = [];
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      const inFlight: Array<Promise<Sent>> = [];
      for (let i = 0; i < 10; i++) {
        const target = targets[round * 10 + i]!;
        inFlight.push(draft(auth, i % 2 ? `cut-${round}-${i}` : undefined).then((res) => ({ kind: 'draft', res })));
        inFlight.push(
          sys
            .http()
            .patch(`/api/articles/${target}`)
            .set(auth)
            .set('If-Match', '"1"')
            .send({ headline: `Revised in round ${round}` })
            .then((res) => ({ kind: 'revise', res, articleId: target })),
        );
        inFlight.push(
          sys
            .http()
            .get(`/api/articles/${target}/verify`)
            .set(auth)
            .then((res) => ({ kind: 'read', res })),
        );
        if (i % 3 === 0)
          inFlight.push(
            sys
              .http()
              .get('/api/articles?limit=5')
              .set(auth)
              .then((res) => ({ kind: 'list', res })),
          );
      }
      // The cut lands while the rest of the round is still in flight.
      await Promise.race(inFlight);
      killed += await cutConnections();
      sent.push(...(await Promise.all(inFlight)));
    }

    expect(killed).toBeGreaterThan(0);
    const statuses = sent.map((s) => s.res.status);
    expect(statuses.filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    for (const { res } of sent.filter((s) => s.res.status === 503)) {
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    }

    // Every accepted write is stored, once: each revised article holds its draft and one revision,
    // each a valid chain; a drafted article exists.
    for (const s of sent.filter((x) => x.kind === 'revise')) {
      const verify = await sys.http().get(`/api/articles/${s.articleId}/verify`).set(auth).expect(200);
      expect(verify.body).toMatchObject({ valid: true });
      // A 503 may come after the append committed: then the revision is stored, once.
      expect(s.res.status === 200 ? [2] : [1, 2]).toContain(verify.body.events);
    }
    for (const s of sent.filter((x) => x.kind === 'draft' && x.res.status === 201)) {
      expect(await client.storedVersion(s.res.body.id)).toBe(1);
    }
    // Nothing half-stored: every event has been relayed (its outbox row written with it) and projected.
    const drafted = sent.filter((x) => x.kind === 'draft' && x.res.status === 201).map((x) => x.res.body.id);
    for (const id of [...drafted, ...targets]) await client.articleAt(id, await client.storedVersion(id));
    const [{ n: waiting }] = await sys.db.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    expect(waiting).toBe(0);
  });

  it('leaves the relay and the projector running, and a write after the cut reaches the read model', async () => {
    expect(await cutConnections(['newsroom_relay', 'newsroom_projector'])).toBeGreaterThan(0);
    const auth = await client.as('editor');
    const res = await draft(auth).expect(201);

    await client.articleAt(res.body.id, 1);
    for (const app of ['outbox-relay', 'projector']) {
      const child = sys.children.get(app)!;
      expect({ app, exitCode: child.exitCode, signal: child.signalCode }).toEqual({
        app,
        exitCode: null,
        signal: null,
      });
    }
  });
});
