import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

// The limits this suite runs with: 3 failures per account, 12 per client address (all of its
// requests come from one address), in a window of 600 s.
const PER_ACCOUNT = 3;
const PER_ADDRESS = 12;

let api: ApiHarness;
let admin: string;
let editor: string;

beforeAll(async () => {
  process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = String(PER_ACCOUNT);
  process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = String(PER_ADDRESS);
  process.env.LOGIN_WINDOW_S = '600';
  api = await startNewsroomApi('login_throttling');
  // Before the address is throttled by the tests below.
  admin = `Bearer ${await api.tokenFor('admin')}`;
  editor = `Bearer ${await api.tokenFor('editor')}`;
});
afterAll(() => api?.close());

const PASSWORD = 'a long enough password';
const login = (email: string, password: string) => api.http().post('/api/auth/login').send({ email, password });

async function newUser(): Promise<string> {
  const email = `u-${randomUUID()}@newsroom.test`;
  await api
    .http()
    .post('/api/admin/users')
    .set('authorization', admin)
    .send({ email, name: 'Una User', roles: ['auditor'], password: PASSWORD })
    .expect(201);
  return email;
}

describe('login throttling', () => {
  it('answers 429 with Retry-After once an account had its failures, and refuses the right password too', async () => {
    const email = await newUser();
    for (let i = 0; i < PER_ACCOUNT; i++) await login(email, 'wrong password').expect(401);
    const throttled = await login(email, PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(throttled.body).toMatchObject({
      statusCode: 429,
      message: expect.stringContaining('Too many failed logins'),
    });
  });

  it('throttles an unknown email exactly like a known one', async () => {
    const email = `nobody-${randomUUID()}@newsroom.test`;
    for (let i = 0; i < PER_ACCOUNT; i++) await login(email, 'wrong password').expect(401);
    const throttled = await login(email, 'wrong password');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
  });

  it('forgets the failures of an account after a successful login', async () => {
    const email = await newUser();
    for (let i = 0; i < PER_ACCOUNT - 1; i++) await login(email, 'wrong password').expect(401);
    await login(email, PASSWORD).expect(200);
    for (let i = 0; i < PER_ACCOUNT - 1; i++) await login(email, 'wrong password').expect(401);
    await login(email, PASSWORD).expect(200);
  });

  it('answers 429 to a client address that failed too often, whatever account it tries next', async () => {
    const fresh = await newUser();
    const [{ n }] = await api.db.dataSource.query(
      `SELECT COALESCE(max(points), 0)::int AS n FROM login_failures_by_address`,
    );
    for (let i = n; i < PER_ADDRESS; i++) await login(`spray-${i}-${randomUUID()}@newsroom.test`, 'guess').expect(401);
    const throttled = await login(fresh, PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('input to login and user management', () => {
  it('refuses unknown fields and bad emails with a 400 naming the field', async () => {
    const unknown = await api.http().post('/api/auth/login').send({ email: 'a@b.test', password: 'x', admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ path: 'admin' })]);
    const badEmail = await api.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.details).toEqual([expect.objectContaining({ path: 'email' })]);

    const create = (body: object) => api.http().post('/api/admin/users').set('authorization', admin).send(body);
    const valid = { email: `v-${randomUUID()}@newsroom.test`, name: 'Val', roles: ['reporter'], password: PASSWORD };
    const paths = async (body: object) => (await create(body).expect(400)).body.details.map((d: any) => d.path);
    expect(await paths({ ...valid, email: 'nope' })).toEqual(['email']);
    expect(await paths({ ...valid, roles: ['editor', 'owner'] })).toEqual(['roles']);
    expect(await paths({ ...valid, password: 'short' })).toEqual(['password']);
    expect(await paths({ ...valid, isAdmin: true })).toEqual(['isAdmin']);
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      valid.email,
    ]);
    expect(n).toBe(0);
  });

  it('answers 409 for an email already taken, in any case', async () => {
    const email = await newUser();
    const res = await api
      .http()
      .post('/api/admin/users')
      .set('authorization', admin)
      .send({ email: email.toUpperCase(), name: 'Twin', roles: ['auditor'], password: PASSWORD });
    expect(res.status).toBe(409);
  });

  it('lets only admins manage users, and never shows a password hash', async () => {
    await api.http().get('/api/admin/users').set('authorization', editor).expect(403);
    const list = await api.http().get('/api/admin/users').set('authorization', admin).expect(200);
    expect(list.body.items.map((u: any) => u.email)).toContain('admin@newsroom.test');
    expect(JSON.stringify(list.body)).not.toMatch(/password|argon2|\$2[aby]\$/);
    await api.http().get(`/api/admin/users/${randomUUID()}`).set('authorization', admin).expect(404);
    await api.http().get('/api/admin/users/not-a-uuid').set('authorization', admin).expect(400);
  });

  it('keeps account events out of the outbox: they are never relayed to Kafka', async () => {
    const [{ n }] = await api.db.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE starts_with(stream_id, 'user-')`,
    );
    const [{ events }] = await api.db.dataSource.query(
      `SELECT count(*)::int AS events FROM events WHERE starts_with(stream_id, 'user-')`,
    );
    expect(events).toBeGreaterThan(4);
    expect(n).toBe(0);
  });
});
