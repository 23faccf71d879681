import type { INestApplication } from '@nestjs/common';
import type { ApiHarness } from '@newsroom/testing-system';
import { hangUpOnStream } from './hang-up-on-stream';
import { newsroomClient, type Role } from './newsroom.client';
import { startNewsroomApi } from './newsroom.harness';

// Who may call what: every route of the running API against every role, as a table written out by
// hand. A route the app serves without a row here fails the first test, so a new endpoint cannot
// ship without someone deciding who may call it.
//
// Each cell is the exact status expected. 401 and 403 are refusals; anything else means the caller
// got past authentication and authorisation (a 404 for the article that does not exist, a 400 for
// the rebuild of a read model that does not exist). Refusals by the domain are 403s too: a reporter
// may never publish, whatever the article.

let api: ApiHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  api = await startNewsroomApi('role_table');
  client = newsroomClient(api);
});
afterAll(() => api.close());

type Caller = 'anonymous' | Role;
const CALLERS = ['anonymous', 'reporter', 'editor', 'auditor', 'admin'] as const satisfies readonly Caller[];
type Row = readonly [anonymous: number, reporter: number, editor: number, auditor: number, admin: number];

/** Path parameters: an article and sub-resources that do not exist, so no cell changes anything. */
const PARAMS: Record<string, string> = {
  id: '4b8c2d7e-1f3a-4c5b-9d6e-7f8a9b0c1d2e',
  contributorId: '0f0e0d0c-0b0a-4909-8807-060504030201',
  photoId: '1f1e1d1c-1b1a-4919-8817-161514131211',
  userId: '2f2e2d2c-2b2a-4929-8827-262524232221',
  cid: '3c7d9e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f',
  redactionId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  key: 'nobody-in-particular',
  n: '1',
  name: 'no_such_read_model',
  slug: 'no-such-story-00000000',
  section: 'no-such-section',
};

// One row per route, one column per caller. To add a route, add its row (and its body below).
// prettier-ignore
const TABLE: Record<string, Row> = {
  //                                                    anonymous reporter editor auditor admin
  // Probes (readiness; /health is its alias) and Prometheus' scrape: no credentials; /metrics only from this
  // machine, which the table's clients are.
  'GET /health':                                        [200,      200,     200,   200,    200],
  // The admin web app's index.html, for every other path outside /api and /health (e.g. /board).
  'GET {*any}':                                         [200,      200,     200,   200,    200],
  'GET /health/live':                                   [200,      200,     200,   200,    200],
  'GET /health/ready':                                  [200,      200,     200,   200,    200],
  'GET /metrics':                                       [200,      200,     200,   200,    200],
  // The API docs and the assets of their page.
  'GET /api/docs':                                      [200,      200,     200,   200,    200],
  'GET /api/docs/':                                     [200,      200,     200,   200,    200],
  'GET /api/docs/index.html':                           [200,      200,     200,   200,    200],
  'GET /api/docs/swagger-ui-init.js':                   [200,      200,     200,   200,    200],
  'GET /api/docs/docs/swagger-ui-init.js':              [200,      200,     200,   200,    200],
  // Registered by the docs module, which ships no licence file to serve.
  'GET /api/docs/LICENSE':                              [404,      404,     404,   404,    404],
  'GET /api/docs-json':                                 [200,      200,     200,   200,    200],
  'GET /api/docs-yaml':                                 [200,      200,     200,   200,    200],
  'POST /api/auth/login':                               [200,      200,     200,   200,    200],
  // Public output (issue #11): readers and partners, no login (rate-limited per address); the story does not
  // exist, the feeds are empty.
  'GET /news/:slug':                                    [404,      404,     404,   404,    404],
  'GET /api/public/articles/:id.ninjs.json':            [404,      404,     404,   404,    404],
  'GET /api/public/articles/:id.jsonld':                [404,      404,     404,   404,    404],
  'GET /feeds/atom.xml':                                [200,      200,     200,   200,    200],
  'GET /feeds/feed.json':                               [200,      200,     200,   200,    200],
  'GET /feeds/sections/:section/atom.xml':              [200,      200,     200,   200,    200],
  'GET /feeds/sections/:section/feed.json':             [200,      200,     200,   200,    200],
  // Ends the caller's own session (each cell signs in afresh, so the table's tokens live on).
  'POST /api/auth/logout':                              [401,      204,     204,   204,    204],
  // Reads: any signed-in role; the article does not exist.
  'GET /api/articles':                                  [401,      200,     200,   200,    200],
  'GET /api/articles/counts':                           [401,      200,     200,   200,    200],
  'GET /api/articles/:id':                              [401,      404,     404,   404,    404],
  'GET /api/articles/:id/versions/:n':                  [401,      404,     404,   404,    404],
  'GET /api/articles/:id/history':                      [401,      404,     404,   404,    404],
  'GET /api/articles/:id/diff':                         [401,      404,     404,   404,    404],
  'GET /api/articles/:id/verify':                       [401,      404,     404,   404,    404],
  'GET /api/audit':                                     [401,      200,     200,   200,    200],
  'GET /api/audit/export':                              [401,      200,     200,   200,    200],
  // The global log (issue #10): the key and the latest checkpoint are public, so that anyone can
  // hold a copy to compare with (README); proofs and history for the desk and auditors; signing now, admins.
  'GET /api/audit/public-key':                          [200,      200,     200,   200,    200],
  'GET /api/audit/checkpoints/latest':                  [200,      200,     200,   200,    200],
  'GET /api/audit/checkpoints':                         [401,      403,     200,   200,    200],
  'POST /api/audit/checkpoints':                        [401,      403,     403,   403,    200],
  'GET /api/audit/proofs/inclusion':                    [401,      403,     200,   200,    200],
  'GET /api/audit/proofs/consistency':                  [401,      403,     200,   200,    200],
  'GET /api/audit/bundle':                              [401,      403,     400,   400,    400],
  'GET /api/audit/integrity':                           [401,      403,     200,   200,    200],
  // Live article changes (server-sent events): any signed-in role, as the reads.
  'GET /api/stream':                                    [401,      200,     200,   200,    200],
  // Writing: reporters draft and edit (their own articles: here none exists, so 404), the desk does the rest.
  // A PATCH carries If-Match "1", which an article with no events cannot match: 412.
  'POST /api/articles':                                 [401,      201,     201,   403,    201],
  'PATCH /api/articles/:id':                            [401,      412,     412,   403,    412],
  'POST /api/articles/:id/contributors':                [401,      404,     404,   403,    404],
  'DELETE /api/articles/:id/contributors/:contributorId': [401,    404,     404,   403,    404],
  'POST /api/articles/:id/photos':                      [401,      404,     404,   403,    404],
  'PATCH /api/articles/:id/photos/:photoId':            [401,      412,     412,   403,    412],
  'DELETE /api/articles/:id/photos/:photoId':           [401,      404,     404,   403,    404],
  'POST /api/articles/:id/submit':                      [401,      404,     404,   403,    404],
  'POST /api/articles/:id/request-changes':             [401,      403,     404,   403,    404],
  'POST /api/articles/:id/approve':                     [401,      403,     404,   403,    404],
  'POST /api/articles/:id/schedule':                    [401,      403,     404,   403,    404],
  'POST /api/articles/:id/unschedule':                  [401,      403,     404,   403,    404],
  'POST /api/articles/:id/publish':                     [401,      403,     404,   403,    404],
  'POST /api/articles/:id/unpublish':                   [401,      403,     404,   403,    404],
  'POST /api/articles/:id/corrections':                 [401,      403,     404,   403,    404],
  // Legal redactions (issue #12): admins alone order, decide and list them.
  'POST /api/articles/:id/redactions':                  [401,      403,     403,   403,    404],
  'GET /api/articles/:id/redactions':                   [401,      403,     403,   403,    404],
  'POST /api/articles/:id/redactions/:redactionId/confirm': [401,  403,     403,   403,    404],
  'POST /api/articles/:id/redactions/:redactionId/decline': [401,  403,     403,   403,    404],
  // Assigning is the desk's: the user does not exist either.
  'PUT /api/articles/:id/assignees/:userId':            [401,      403,     404,   403,    404],
  'DELETE /api/articles/:id/assignees/:userId':         [401,      403,     404,   403,    404],
  // Contributions (issue #9): any writer contributes to an article (none exists: 404); everyone signed in
  // reads (a reporter only their own); only the author revises or withdraws, only the desk decides. The
  // contribution does not exist: 404, or 412 for the PATCH's If-Match "1".
  'POST /api/articles/:id/contributions':               [401,      404,     404,   403,    404],
  'GET /api/articles/:id/contributions':                [401,      200,     200,   200,    200],
  'GET /api/contributions':                             [401,      200,     200,   200,    200],
  'GET /api/contributions/:cid':                        [401,      404,     404,   404,    404],
  'PATCH /api/contributions/:cid':                      [401,      412,     412,   403,    412],
  'POST /api/contributions/:cid/accept':                [401,      403,     404,   403,    404],
  'POST /api/contributions/:cid/reject':                [401,      403,     404,   403,    404],
  'POST /api/contributions/:cid/request-changes':       [401,      403,     404,   403,    404],
  'POST /api/contributions/:cid/withdraw':              [401,      404,     404,   403,    404],
  // The contributor ledger: a reporter reads only the ledger of their own name (not this one).
  'GET /api/contributors/:key/credits':                 [401,      403,     200,   200,    200],
  // Operations: admins run them, auditors watch them.
  'GET /api/admin/projections':                         [401,      403,     403,   200,    200],
  'GET /api/admin/dead-letters':                        [401,      403,     403,   200,    200],
  'GET /api/admin/scheduler':                           [401,      403,     403,   200,    200],
  'POST /api/admin/projections/:name/rebuild':          [401,      403,     403,   403,    404],
  // Accounts: admins manage them, auditors read their audited history; the user does not exist.
  'GET /api/admin/users':                               [401,      403,     403,   403,    200],
  'POST /api/admin/users':                              [401,      403,     403,   403,    201],
  'GET /api/admin/users/:id':                           [401,      403,     403,   403,    404],
  'PUT /api/admin/users/:id/roles':                     [401,      403,     403,   403,    404],
  'POST /api/admin/users/:id/disable':                  [401,      403,     403,   403,    404],
  'POST /api/admin/users/:id/enable':                   [401,      403,     403,   403,    404],
  'POST /api/admin/users/:id/password':                 [401,      403,     403,   403,    404],
  'GET /api/admin/users/:id/history':                   [401,      403,     403,   404,    404],
};

/** A valid body for each route that takes one, so that only who is calling can decide the outcome. */
const BODIES: Record<string, object> = {
  'POST /api/auth/login': { email: 'reporter@newsroom.test', password: 'newsroom' },
  'POST /api/articles': { headline: 'Role table draft' },
  'POST /api/admin/users': {
    email: 'new.hire@newsroom.test',
    name: 'New Hire',
    password: 'a long enough password',
    roles: ['reporter'],
  },
  'PUT /api/admin/users/:id/roles': { roles: ['reporter'] },
  'POST /api/admin/users/:id/password': { password: 'a long enough password' },
  'PATCH /api/articles/:id': { headline: 'Revised' },
  'POST /api/articles/:id/contributors': { name: 'Cal Contributor', role: 'contributor' },
  'POST /api/articles/:id/photos': { url: 'https://images.example.com/a.jpg', caption: 'Harbour', credit: 'Pat' },
  'PATCH /api/articles/:id/photos/:photoId': { caption: 'The harbour at dawn' },
  'POST /api/articles/:id/request-changes': { note: 'Check the dates.' },
  'POST /api/articles/:id/schedule': { publishAt: '2099-01-01T00:00:00Z' },
  'POST /api/articles/:id/publish': {},
  'POST /api/articles/:id/unpublish': { reason: 'Legal review' },
  'POST /api/articles/:id/corrections': { text: 'An earlier version misspelt a name.', kind: 'correction' },
  'POST /api/articles/:id/redactions': {
    passage: 'a name',
    reason: 'Court order',
    legalBasis: 'Contempt of Court Act 1981, s.10',
    reference: 'HC-2030-0117',
  },
  'POST /api/articles/:id/contributions': {
    blocks: [{ type: 'paragraph', text: 'Ferries return on Monday.' }],
    credit: { name: 'Rey Reporter', role: 'contributor' },
  },
  'PATCH /api/contributions/:cid': { note: 'Two crews, one captain.' },
  'POST /api/contributions/:cid/accept': {},
  'POST /api/contributions/:cid/reject': { reason: 'Already reported.' },
  'POST /api/contributions/:cid/request-changes': { note: 'Name the captain.' },
};

/** Query strings a route needs to be a valid request. */
const QUERIES: Record<string, string> = {
  'GET /api/articles/:id/diff': '?from=1&to=2',
  // The demo users' accounts are the first events of every schema.
  'GET /api/audit/proofs/inclusion': '?position=1',
  'GET /api/audit/proofs/consistency': '?from=1&to=1',
};

/** Every route the running app serves, as `METHOD /path/:param`, read from the HTTP router itself. */
function routesOf(app: INestApplication): string[] {
  const router = app.getHttpAdapter().getInstance().router as {
    stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  };
  const routes = router.stack.flatMap(({ route }) =>
    route ? Object.keys(route.methods).map((m) => `${m.toUpperCase()} ${route.path}`) : [],
  );
  // Express answers HEAD with the GET handler, so the GET row covers it; `{/*splat}` is the request
  // logger's middleware, mounted on every path for every method, not an endpoint.
  const endpoints = routes.filter((r) => !r.startsWith('HEAD ') && !r.endsWith(' {/*splat}'));
  return [...new Set(endpoints)].sort();
}

function requestFor(route: string) {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern.replace('{*any}', '/board').replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in PARAMS)) throw new Error(`no value for :${name} in PARAMS (route ${route})`);
    return PARAMS[name]!;
  });
  return { method: method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete', path };
}

/** Routes that end the caller's session: they get a session of their own, not the table's shared one. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

async function freshSession(role: Role) {
  const res = await api
    .http()
    .post('/api/auth/login')
    .send({ email: `${role}@newsroom.test`, password: 'newsroom' })
    .expect(200);
  return { Authorization: `Bearer ${res.body.accessToken}` };
}

/** Routes that answer an endless event stream: the cell takes the status and headers, then hangs up. */
const STREAMS = new Set(['GET /api/stream']);

async function send(route: string, caller: Caller) {
  const { method, path } = requestFor(route);
  const req = api.http()[method](path + (QUERIES[route] ?? ''));
  if (caller !== 'anonymous') req.set(ENDS_SESSION.has(route) ? await freshSession(caller) : await client.as(caller));
  if (method === 'patch') req.set('If-Match', '"1"');
  if (STREAMS.has(route)) req.buffer(false).parse(hangUpOnStream);
  return BODIES[route] ? req.send(BODIES[route]) : req;
}

describe('the role × endpoint table', () => {
  it('has exactly one row for every route the app serves', () => {
    expect(Object.keys(TABLE).sort()).toEqual(routesOf(api.app));
  });

  const cells = Object.entries(TABLE).flatMap(([route, row]) =>
    CALLERS.map((caller, i) => [route, caller, row[i]!] as const),
  );

  it.each(cells)('%s by %s answers %i', async (route, caller, expected) => {
    const res = await send(route, caller);
    expect({ status: res.status, body: res.status === expected ? 'as expected' : res.body }).toEqual({
      status: expected,
      body: 'as expected',
    });
  });
});
