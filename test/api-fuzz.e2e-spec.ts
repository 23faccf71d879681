import { randomInt } from 'node:crypto';
import { waitFor } from '@newsroom/testing';
import type { ApiHarness } from '@newsroom/testing-system';
import { hangUpOnStream } from './hang-up-on-stream';
import { startNewsroomApi } from './newsroom.harness';

// A seeded fuzz run over every route of the running API: hostile strings, depth, wrong types, huge
// numbers, odd offsets, tampered cursors and __proto__ keys. No answer may be a 5xx, and no refusal
// (4xx) may change anything stored. The seed is printed; FUZZ_SEED=<seed> replays a run exactly.

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2400);
const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));

/** mulberry32: a small, well-known seeded PRNG, so one number replays the whole run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
}

/** Every route the running app serves, read from its router: a new route is fuzzed without a word here. */
function routesOf(api: ApiHarness): Route[] {
  const express = api.app.getHttpAdapter().getInstance();
  const stack: any[] = (express.router ?? express._router).stack;
  return stack
    .filter((layer) => layer.route && Object.keys(layer.route.methods).length === 1)
    .map((layer) => ({ method: Object.keys(layer.route.methods)[0] as Route['method'], path: layer.route.path }));
}

// ---- the hostile pools ----------------------------------------------------------------------

const DEEP = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '',
  ' ',
  'x'.repeat(5000),
  '2099-01-01T00:00:00+20:00',
  '2030-01-01T00:00:00-16:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:00:00-02:00',
  '2030-02-30T00:00:00Z',
  '2030-01-01T24:00:00Z',
  'javascript:alert(1)',
  "'; DROP TABLE events; --",
  '=cmd|/c calc',
  '../../etc/passwd',
  '%00',
  '\u202e',
  'null',
];
const HOSTILE_NUMBERS = [2 ** 31, 2 ** 31 - 1, 2 ** 53 + 1, -1, 0, 1e308, -1e308, 1.5, Number.MAX_SAFE_INTEGER];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  ...HOSTILE_NUMBERS,
  true,
  false,
  null,
  [],
  {},
  [null],
  JSON.parse('{"__proto__":{"isAdmin":true}}'),
  { $gt: '' },
  JSON.parse(DEEP(40)),
];

/** Percent-encodes a string; a lone surrogate has no UTF-8 form, so it goes as the bytes a CESU-8 client would send. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const TAMPERED_CURSORS = [
  cursorOf(['2030-01-01T00:00:00Z', 'not-a-uuid', 1]),
  cursorOf(['2030-01-01T00:00:00Z', '6f1c2a9e-0000-4000-8000-000000000001', 2 ** 31]),
  cursorOf(['2030-01-01T00:00:00+20:00', '6f1c2a9e-0000-4000-8000-000000000001']),
  cursorOf([1, 2, 3]),
  cursorOf([null, null]),
  cursorOf({ a: 1 }),
  cursorOf(['a\u0000', 'b']),
  cursorOf(JSON.parse(DEEP(50))),
  'not base64 !!',
  '%00',
];
const QUERY_VALUES = [
  ...HOSTILE_STRINGS.map(encode),
  ...TAMPERED_CURSORS.map(encode),
  '2147483648',
  '99999999999999999999',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '%ED%A0%80',
  '%FF',
  '%',
];
const QUERY_KEYS = [
  'limit',
  'cursor',
  'since',
  'until',
  'asOf',
  'minVersion',
  'status',
  'section',
  'q',
  'contributor',
  'actor',
  'type',
  'format',
  'from',
  'to',
  '__proto__',
  'constructor',
  'unknown',
];
const PARAM_VALUES = [
  '%00',
  'x',
  '2147483648',
  '-1',
  '0',
  '1e309',
  '%FF',
  '%ED%A0%80',
  'x'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  '6F1C2A9E-0000-4000-8000-000000000001',
  '__proto__',
  'all',
  'article_state',
];
const BODY_FIELDS = [
  'headline',
  'standfirst',
  'dateline',
  'body',
  'sections',
  'tags',
  'language',
  'source',
  'embargoUntil',
  'publishAt',
  'name',
  'role',
  'affiliation',
  'url',
  'caption',
  'credit',
  'altText',
  'rights',
  'text',
  'kind',
  'note',
  'reason',
  'updateKind',
  'email',
  'password',
];

// ---- building one request -------------------------------------------------------------------

interface Fixture {
  articleId: string;
  photoId: string;
  contributorId: string;
  contributionId: string;
}

/** A body the route would take: the starting point a mutation spoils. */
function validBody(route: Route): Record<string, unknown> {
  const p = route.path;
  if (p === '/api/auth/login') return { email: 'editor@newsroom.test', password: 'wrong password' };
  if (p.endsWith('/contributors')) return { name: 'Pat Doe', role: 'contributor' };
  if (p.endsWith('/photos')) return { url: 'https://images.example.com/a.jpg', caption: 'Quay', credit: 'Pat' };
  if (p.endsWith('/photos/:photoId')) return { caption: 'Quay at dawn' };
  if (p.endsWith('/schedule')) return { publishAt: '2099-01-01T09:00:00Z' };
  if (p.endsWith('/corrections')) return { text: 'An earlier version misnamed the quay.', kind: 'correction' };
  if (p.endsWith('/request-changes')) return { note: 'Check the date' };
  if (p === '/api/articles/:id/contributions')
    return { blocks: [{ type: 'quote', text: 'Three weeks.' }], credit: { name: 'Pat Doe', role: 'contributor' } };
  if (p === '/api/contributions/:cid') return { note: 'Two crews' };
  if (p.endsWith('/accept')) return { afterBlock: 0 };
  if (p.endsWith('/reject')) return { reason: 'Unsourced' };
  if (p.endsWith('/unpublish')) return { reason: 'Legal review' };
  if (p === '/api/articles' || p === '/api/articles/:id') return { headline: 'Harbour reopens', sections: ['Local'] };
  return {};
}

function mutateBody(rng: Rng, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  const field = rng.chance(0.7) && Object.keys(out).length > 0 ? rng.pick(Object.keys(out)) : rng.pick(BODY_FIELDS);
  switch (rng.pick(['value', 'value', 'nested', 'proto', 'array'])) {
    case 'value':
      out[field] = rng.pick(HOSTILE_VALUES);
      break;
    case 'nested':
      out.body = [{ type: rng.pick(['paragraph', 'quote', 'photo', 'x']), text: rng.pick(HOSTILE_VALUES) }];
      break;
    case 'proto':
      return JSON.parse(
        `{${JSON.stringify(out).slice(1, -1)}${Object.keys(out).length ? ',' : ''}"${rng.pick([
          '__proto__',
          'constructor',
          'prototype',
        ])}":{"isAdmin":true}}`,
      );
    case 'array':
      out[field] = [rng.pick(HOSTILE_VALUES), rng.pick(HOSTILE_VALUES)];
      break;
  }
  return out;
}

/** Raw JSON texts no object can be serialised into. */
function rawBody(rng: Rng): string {
  return rng.pick([
    `{"headline":${DEEP(2057)}}`,
    `{"email":${DEEP(2057)},"password":"x"}`,
    DEEP(100),
    '{"headline":"\\ud800"}',
    '{"headline":"a\\u0000b"}',
    '{"__proto__":{"a":1},"headline":"x"}',
    '{"headline":"x"',
    'null',
    '[]',
    '"string"',
    '1e999',
    '{"headline":1e999}',
    `{"publishAt":"2099-01-01T00:00:00+20:00"}`,
  ]);
}

interface FuzzRequest {
  method: Route['method'];
  url: string;
  role: 'editor' | 'reporter' | 'auditor' | 'admin' | 'none' | 'forged';
  headers: Record<string, string>;
  body?: string;
}

function generate(rng: Rng, route: Route, f: Fixture): FuzzRequest {
  const valid: Record<string, string> = {
    id: f.articleId,
    photoId: f.photoId,
    contributorId: f.contributorId,
    cid: f.contributionId,
    n: '1',
  };
  // The web app's catch-all (index.html for any other path) is fuzzed on one of its routes.
  const path = route.path
    .replace('{*any}', '/board')
    .replace(/:(\w+)/g, (_, name: string) =>
      rng.chance(0.6) ? (valid[name] ?? 'article_state') : rng.pick(PARAM_VALUES),
    );
  const query: string[] = [];
  const queries = rng.pick([0, 1, 1, 2, 3]);
  for (let i = 0; i < queries; i++) {
    const key = rng.pick(QUERY_KEYS);
    query.push(rng.chance(0.1) ? `${key}[${rng.pick(['a', '0', '__proto__'])}]=1` : `${key}=${rng.pick(QUERY_VALUES)}`);
  }
  const headers: Record<string, string> = {};
  if (rng.chance(0.15)) headers['If-Match'] = rng.pick(['"1"', '"2147483648"', 'W/"x"', '*', '"-1"', '""']);
  if (rng.chance(0.15)) headers['Idempotency-Key'] = rng.pick(['k-1', 'k-2', 'x'.repeat(300), '../x', 'a b']);
  let body: string | undefined;
  if (route.method !== 'get') {
    if (rng.chance(0.25)) body = rawBody(rng);
    else if (rng.chance(0.85)) body = JSON.stringify(mutateBody(rng, validBody(route)));
    else body = JSON.stringify(validBody(route));
  }
  const role = rng.pick(['editor', 'editor', 'reporter', 'auditor', 'admin', 'none', 'forged'] as const);
  return { method: route.method, url: `${path}${query.length ? `?${query.join('&')}` : ''}`, role, headers, body };
}

// ---- the run --------------------------------------------------------------------------------

let api: ApiHarness;
let tokens: Record<string, string>;
let fixture: Fixture;
beforeAll(async () => {
  process.stdout.write(`api fuzz: FUZZ_SEED=${SEED} (${REQUESTS} requests)\n`);
  api = await startNewsroomApi('api_fuzz');
  tokens = {};
  for (const role of ['editor', 'reporter', 'auditor', 'admin'] as const) tokens[role] = await api.tokenFor(role);
  tokens.forged = `${tokens.editor.slice(0, -4)}AAAA`;
  const editor = { Authorization: `Bearer ${tokens.editor}` };
  const draft = await api.http().post('/api/articles').set(editor).send({ headline: 'Harbour' }).expect(201);
  const photo = await api
    .http()
    .post(`/api/articles/${draft.body.id}/photos`)
    .set(editor)
    .send({ url: 'https://images.example.com/a.jpg', caption: 'Quay', credit: 'Pat' })
    .expect(201);
  const contributor = await api
    .http()
    .post(`/api/articles/${draft.body.id}/contributors`)
    .set(editor)
    .send({ name: 'Pat Doe', role: 'contributor' })
    .expect(201);
  const contribution = await api
    .http()
    .post(`/api/articles/${draft.body.id}/contributions`)
    .set(editor)
    .send({ blocks: [{ type: 'paragraph', text: 'From the quay.' }], credit: { name: 'Pat Doe', role: 'contributor' } })
    .expect(201);
  fixture = {
    articleId: draft.body.id,
    photoId: photo.body.photoId,
    contributorId: contributor.body.contributorId,
    contributionId: contribution.body.contributionId,
  };
});
afterAll(() => api.close());

const READ_MODEL_TABLES = [
  'article_state',
  'audit_trail',
  'article_list',
  'contributor_index',
  'public_articles',
  'public_article_slugs',
  'idempotency_keys',
  'users',
];

/** What a refusal must leave as it was: the events, and every read model's content. */
async function stateOf(): Promise<string> {
  const ds = api.db.dataSource;
  const [{ n, head }] = await ds.query(
    `SELECT count(*)::int AS n, COALESCE(max(global_position), 0) AS head FROM events`,
  );
  const sums = await Promise.all(
    READ_MODEL_TABLES.map(
      async (t) => (await ds.query(`SELECT md5(COALESCE(string_agg(x::text, ''), '')) AS s FROM ${t} x`))[0].s,
    ),
  );
  return JSON.stringify({ events: n, head, sums });
}

/** Until the rebuild accepted after `since` has finished (it writes the read models after its 202). */
async function rebuildsFinished(since: string): Promise<void> {
  const admin = { Authorization: `Bearer ${tokens.admin}` };
  await waitFor(
    'the accepted rebuild to finish',
    async () => {
      const { body } = await api.http().get('/api/admin/projections').set(admin).expect(200);
      const rebuilds = (body as Array<{ rebuild?: { state: string; startedAt: string } }>).flatMap((p) =>
        p.rebuild && p.rebuild.startedAt >= since ? [p.rebuild] : [],
      );
      return rebuilds.length > 0 && rebuilds.every((r) => ['done', 'failed', 'interrupted'].includes(r.state));
    },
    60_000,
    100,
  );
}

/** Logout ends the session it is sent with: it gets a session of its own, so the shared tokens live on. */
async function tokenFor(r: FuzzRequest): Promise<string> {
  if (!r.url.startsWith('/api/auth/logout') || r.role === 'forged') return tokens[r.role]!;
  const res = await api
    .http()
    .post('/api/auth/login')
    .send({ email: `${r.role}@newsroom.test`, password: 'newsroom' })
    .expect(200);
  return res.body.accessToken;
}

async function send(r: FuzzRequest): Promise<number> {
  let req = api
    .http()
    [r.method](r.url)
    .set(r.headers)
    .ok(() => true);
  if (r.role !== 'none') req = req.set('Authorization', `Bearer ${await tokenFor(r)}`);
  if (r.body !== undefined) req = req.set('Content-Type', 'application/json').send(r.body);
  // The live stream never ends by itself: its status is the answer.
  if (r.url.startsWith('/api/stream')) req = req.buffer(false).parse(hangUpOnStream);
  return (await req).status;
}

describe(`the API under ${REQUESTS} seeded fuzz requests`, () => {
  it('answers no 5xx on any route, and changes nothing stored when it refuses', async () => {
    const rng = prng(SEED);
    const routes = routesOf(api);
    expect(routes.length).toBeGreaterThan(20);
    const serverErrors: string[] = [];
    const changedOnRefusal: string[] = [];
    const covered = new Set<string>();
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      // Every route in turn, so each gets its share whatever the seed.
      const route = routes[i % routes.length];
      const r = generate(rng, route, fixture);
      const before = await stateOf();
      const startedAt = new Date().toISOString();
      const status = await send(r);
      // 202: a rebuild accepted runs on in the background; it must end before the next refusal is judged.
      if (status === 202) await rebuildsFinished(startedAt);
      const what = `#${i} ${r.method.toUpperCase()} ${r.url} as ${r.role} → ${status} ${(r.body ?? '').slice(0, 200)}`;
      covered.add(`${route.method} ${route.path}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors.push(what);
      else if (status >= 400 && (await stateOf()) !== before) changedOnRefusal.push(what);
    }
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    process.stdout.write(`api fuzz: FUZZ_SEED=${SEED}, ${routes.length} routes, answers ${histogram.join(' ')}\n`);
    const replay = `replay with FUZZ_SEED=${SEED}`;
    expect({ replay, serverErrors }).toEqual({ replay, serverErrors: [] });
    expect({ replay, changedOnRefusal }).toEqual({ replay, changedOnRefusal: [] });
    expect(covered.size).toBe(routes.length);
  });
});
