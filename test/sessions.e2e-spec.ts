import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { waitFor } from '@newsroom/testing';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

/** What another API instance may still believe of a session: AUTH_CACHE_MS (2 s by default), with room to spare. */
const CACHE_TIME_MS = 2000;
const WITHIN_CACHE_TIME = CACHE_TIME_MS + 3000;

let api: ApiHarness;
let admin: string;

beforeAll(async () => {
  api = await startNewsroomApi('sessions');
  admin = `Bearer ${await api.tokenFor('admin')}`;
});
afterAll(() => api?.close());

const PASSWORD = 'a long enough password';

async function newUser(roles: string[]): Promise<{ id: string; email: string }> {
  const email = `u-${randomUUID()}@newsroom.test`;
  const res = await api
    .http()
    .post('/api/admin/users')
    .set('authorization', admin)
    .send({ email, name: 'Una User', roles, password: PASSWORD });
  expect(res.status).toBe(201);
  return { id: res.body.id, email };
}

async function login(email: string, password = PASSWORD): Promise<string> {
  const res = await api.http().post('/api/auth/login').send({ email, password });
  expect(res.status).toBe(200);
  return `Bearer ${res.body.accessToken}`;
}

/** GET /api/admin/projections lets admins and auditors in: a cheap probe of who the token is now. */
const probe = async (auth: string) =>
  (await api.http().get('/api/admin/projections').set('authorization', auth)).status;

const refusedWithinCacheTime = (what: string, auth: string, status: number) =>
  waitFor(what, async () => (await probe(auth)) === status, WITHIN_CACHE_TIME, 100);

const draft = (auth: string) =>
  api
    .http()
    .post('/api/articles')
    .set('authorization', auth)
    .send({ headline: 'Ministers meet', dateline: 'LONDON', sections: ['Politics'] });

async function actorOfArticle(id: string): Promise<{ role: string }> {
  const [row] = await api.db.dataSource.query(`SELECT metadata FROM events WHERE stream_id = $1 AND version = 1`, [
    `article-${id}`,
  ]);
  return row.metadata.actor;
}

describe('sessions', () => {
  it('takes the bearer scheme in any case', async () => {
    const { email } = await newUser(['auditor']);
    const token = (await login(email)).slice('Bearer '.length);
    expect(await probe(`bearer ${token}`)).toBe(200);
    expect(await probe(`BEARER ${token}`)).toBe(200);
  });

  it('refuses a token after its logout, and only that session', async () => {
    const { email } = await newUser(['auditor']);
    const first = await login(email);
    const second = await login(email);
    await api.http().post('/api/auth/logout').set('authorization', first).expect(204);
    expect(await probe(first)).toBe(401);
    expect(await probe(second)).toBe(200);
  });

  it('refuses the old token at once when an admin changes the roles, and audits the change', async () => {
    const { id, email } = await newUser(['auditor']);
    const old = await login(email);
    const res = await api
      .http()
      .put(`/api/admin/users/${id}/roles`)
      .set('authorization', admin)
      .send({ roles: ['reporter'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['reporter']);
    expect(await probe(old)).toBe(401);
    expect(await probe(await login(email))).toBe(403);

    const history = await api
      .http()
      .get(`/api/admin/users/${id}/history`)
      .set('authorization', `Bearer ${await api.tokenFor('auditor')}`);
    expect(history.status).toBe(200);
    expect(history.body.verified).toBe(true);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['UserCreated', 'UserRolesChanged']);
    expect(history.body.items[1]).toMatchObject({
      version: 2,
      data: { roles: ['reporter'], previousRoles: ['auditor'] },
      actor: { name: 'Ada Admin', role: 'admin' },
    });
  });

  it('applies roles changed in the store elsewhere within the cache time; events get the new role', async () => {
    const { id, email } = await newUser(['editor', 'auditor']);
    const auth = await login(email);
    expect(await probe(auth)).toBe(200);
    await api.db.dataSource.query(`UPDATE users SET roles = '{reporter}' WHERE id = $1`, [id]);
    await refusedWithinCacheTime('the demoted auditor refused', auth, 403);
    const drafted = await draft(auth).expect(201);
    expect(await actorOfArticle(drafted.body.id)).toMatchObject({ id, role: 'reporter' });
  });

  it('refuses a disabled user at once, and their password too, until enabled again', async () => {
    const { id, email } = await newUser(['auditor']);
    const auth = await login(email);
    await api.http().post(`/api/admin/users/${id}/disable`).set('authorization', admin).expect(200);
    expect(await probe(auth)).toBe(401);
    await api.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    await api.http().post(`/api/admin/users/${id}/enable`).set('authorization', admin).expect(200);
    expect(await probe(await login(email))).toBe(200);
    expect(await probe(auth)).toBe(401);
  });

  it('refuses a user disabled or deleted in the store by another instance within the cache time', async () => {
    const disabled = await newUser(['auditor']);
    const deleted = await newUser(['auditor']);
    const [a, b] = [await login(disabled.email), await login(deleted.email)];
    expect([await probe(a), await probe(b)]).toEqual([200, 200]);
    await api.db.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    await api.db.dataSource.query(`DELETE FROM users WHERE id = $1`, [deleted.id]);
    await refusedWithinCacheTime('the disabled user refused', a, 401);
    await refusedWithinCacheTime('the deleted user refused', b, 401);
  });

  it('ends every session on a password reset; the old password is refused, the new one works', async () => {
    const { id, email } = await newUser(['auditor']);
    const [one, two] = [await login(email), await login(email)];
    const fresh = 'another long password';
    await api
      .http()
      .post(`/api/admin/users/${id}/password`)
      .set('authorization', admin)
      .send({ password: fresh })
      .expect(204);
    expect([await probe(one), await probe(two)]).toEqual([401, 401]);
    await api.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    expect(await probe(await login(email, fresh))).toBe(200);
    const history = await api.http().get(`/api/admin/users/${id}/history`).set('authorization', admin);
    expect(history.body.items.at(-1)).toEqual(expect.objectContaining({ type: 'UserPasswordReset', data: {} }));
    expect(JSON.stringify(history.body)).not.toContain('argon2');
  });

  it('still lets in an account whose password was hashed with bcrypt, and stores argon2id from then on', async () => {
    const { id, email } = await newUser(['auditor']);
    await api.db.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
      id,
      await bcrypt.hash(PASSWORD, 4),
    ]);
    expect(await probe(await login(email))).toBe(200);
    const [row] = await api.db.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await probe(await login(email))).toBe(200);
  });

  it('refuses a token signed without a session, as tokens were before sessions', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const jwt = api.app.get(JwtService);
    const [user] = await api.db.dataSource.query(`SELECT id FROM users WHERE email = 'admin@newsroom.test'`);
    const legacy = await jwt.signAsync({ sub: user.id, name: 'Ada Admin', roles: ['admin'] });
    expect(await probe(`Bearer ${legacy}`)).toBe(401);
  });
});
