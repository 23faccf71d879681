import { waitFor, wireStory, wireStoryBody, wireStoryContributors, wireStoryPhotos } from '@newsroom/testing';
import { READ_MODELS } from '@newsroom/read-models';
import { ChaosSystem } from '../scripts/chaos/chaos-system';
import { unzipBundle, verifyBundle } from './audit-bundle.fixture';
import { apiClient, dumpSchema, everyFile, everyMessage } from './redaction-canary.fixture';

// Issue #12's canary: a source's name in a quote attribution, a paragraph, a photo caption, a
// contributor credit, a headline of an earlier version and a correction, across versions of a story
// that was published and corrected. After an admin redacts the name, it is found nowhere an outsider
// could look: a dump of the database, every message of every Kafka topic (dead letters included),
// every process's log at debug level, any API answer, export, bundle, public page or feed. And every
// proof still holds. The whole system runs as processes on a schema and broker of its own.

const CANARY = 'Ilse Vogelsang';
const TIMEOUT_MS = 60_000;

let sys: ChaosSystem;
let api: ReturnType<typeof apiClient>;
let id = '';
let slug = '';
let version = 0;

beforeAll(async () => {
  sys = await ChaosSystem.start(3470);
  const debug = { LOG_LEVEL: 'debug' };
  await sys.launch({ name: 'api', app: 'editorial-api', env: { ...debug, PUBLIC_RATE_LIMIT_PER_S: '5000' } });
  await sys.launch({ name: 'relay', app: 'outbox-relay', env: debug });
  await sys.launch({ name: 'projector', app: 'projector', env: { ...debug, PROJECTIONS: READ_MODELS.join(',') } });
  api = apiClient(sys.apiBases()[0]);
  await publishAndCorrectTheStory();
}, 180_000);
afterAll(() => sys?.close());

async function publishAndCorrectTheStory() {
  const reporter = { as: 'reporter' };
  const draft = await api.expectStatus(201, 'POST', '/api/articles', {
    ...reporter,
    body: { ...wireStory, headline: `${CANARY} named in quota talks` },
  });
  id = draft.body.id;
  const contributors = [
    ...wireStoryContributors,
    { name: CANARY, role: 'contributor', affiliation: 'Harbour Gazette' },
  ];
  for (const c of contributors)
    await api.expectStatus(201, 'POST', `/api/articles/${id}/contributors`, { ...reporter, body: c });
  const photoIds: string[] = [];
  for (const [i, p] of wireStoryPhotos.entries()) {
    const photo = i === 0 ? { ...p, caption: `${CANARY} leaves the hall after the overnight session.` } : p;
    const res = await api.expectStatus(201, 'POST', `/api/articles/${id}/photos`, { ...reporter, body: photo });
    photoIds.push(res.body.photoId);
  }
  version = (await api.expectStatus(200, 'GET', `/api/articles/${id}/verify`, { as: 'auditor' })).body.events;
  const body = [
    ...wireStoryBody(photoIds),
    { type: 'paragraph', text: `The figures were first shared by ${CANARY}, a fisheries official.` },
    { type: 'quote', text: 'The numbers speak for themselves.', attribution: `Fisheries official ${CANARY}` },
  ];
  const revised = await api.expectStatus(200, 'PATCH', `/api/articles/${id}`, {
    ...reporter,
    headers: { 'if-match': `"${version}"` },
    body: { headline: wireStory.headline, body },
  });
  version = revised.body.version;
  await mergeAColleaguesContribution();
  await api.expectStatus(200, 'POST', `/api/articles/${id}/submit`, { ...reporter, body: {} });
  // The editor who merged the contribution wrote the latest content: another desk member approves.
  await api.expectStatus(200, 'POST', `/api/articles/${id}/approve`, { as: 'admin', body: {} });
  await api.expectStatus(200, 'POST', `/api/articles/${id}/publish`, { as: 'editor', body: {} });
  const corrected = await api.expectStatus(200, 'POST', `/api/articles/${id}/corrections`, {
    as: 'editor',
    body: { kind: 'correction', text: `An earlier version misstated the title of ${CANARY}.` },
  });
  version = corrected.body.version;
  await everyReadModelAt(version);
}

let contributionId = '';

/** A second reporter contributes a paragraph naming the source; the desk merges it into the story. */
async function mergeAColleaguesContribution() {
  const password = 'canary-reporter-password';
  await api.expectStatus(201, 'POST', '/api/admin/users', {
    as: 'admin',
    body: { email: 'rhea@newsroom.test', name: 'Rhea Reporter', password, roles: ['reporter'] },
  });
  api.knowPassword('rhea', password);
  const submitted = await api.expectStatus(201, 'POST', `/api/articles/${id}/contributions`, {
    as: 'rhea',
    body: {
      blocks: [{ type: 'paragraph', text: `A harbour clerk said ${CANARY} signed the papers herself.` }],
      note: `Confirmed with the office of ${CANARY}.`,
      credit: { name: 'Rhea Reporter', role: 'contributor', affiliation: 'Harbour Gazette' },
    },
  });
  contributionId = submitted.body.contributionId;
  await api.expectStatus(200, 'POST', `/api/contributions/${contributionId}/accept`, { as: 'editor', body: {} });
}

/** Every read model at `version` of the article: the working copy, its history, and the public story. */
async function everyReadModelAt(v: number) {
  await waitFor(
    `article ${id} at version ${v} in article_state, audit_trail and public_articles`,
    async () => {
      const article = await api.call('GET', `/api/articles/${id}?minVersion=${v}`, { as: 'auditor' });
      const history = await api.call('GET', `/api/articles/${id}/history`, { as: 'auditor' });
      const ninjs = await api.call('GET', `/api/public/articles/${id}.ninjs.json`);
      return (
        article.body?.version === v &&
        history.body?.items?.at(-1)?.version === v &&
        ninjs.headers.get('etag')?.startsWith(`"${v}-`)
      );
    },
    TIMEOUT_MS,
  );
  const ld = await api.expectStatus(200, 'GET', `/api/public/articles/${id}.jsonld`);
  slug = new URL(ld.body.url).pathname.replace('/news/', '');
}

/** Everything the API answers about the article, to its users and to the public, as one text. */
async function everyAnswer(): Promise<string> {
  const texts: string[] = [];
  const get = async (path: string, as?: string) => {
    const res = await api.call('GET', path, as ? { as } : {});
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    texts.push(res.text);
  };
  await get(`/api/articles/${id}`, 'editor');
  await get(`/api/articles/${id}/history`, 'auditor');
  for (let n = 1; n <= version; n++) await get(`/api/articles/${id}/versions/${n}`, 'auditor');
  await get(`/api/articles/${id}/diff?from=1&to=${version}`, 'auditor');
  await get(`/api/articles/${id}/diff?from=${version - 1}&to=${version}`, 'auditor');
  await get(`/api/audit?article=${id}`, 'auditor');
  await get(`/api/audit/export?format=ndjson&article=${id}`, 'auditor');
  await get(`/api/audit/export?format=csv&article=${id}`, 'auditor');
  await get(`/api/articles?q=${encodeURIComponent('quotas')}`, 'editor');
  await get(`/api/articles/${id}/redactions`, 'admin');
  await get(`/api/articles/${id}/contributions`, 'editor');
  await get(`/api/contributions/${contributionId}`, 'editor');
  await get('/api/contributions', 'editor');
  await get(`/news/${slug}`);
  await get(`/api/public/articles/${id}.ninjs.json`);
  await get(`/api/public/articles/${id}.jsonld`);
  for (const feed of ['/feeds/atom.xml', '/feeds/feed.json', '/feeds/sections/world/atom.xml']) await get(feed);
  return texts.join('\n');
}

async function bundleOfTheArticle(): Promise<string> {
  const res = await api.expectStatus(200, 'GET', `/api/audit/bundle?articleId=${id}`, { as: 'auditor' });
  return unzipBundle(res.buffer);
}

describe('before the redaction, the search finds the canary', () => {
  it('in the API’s answers and in the dump of the read models', async () => {
    expect(await everyAnswer()).toContain(CANARY);
    expect(dumpSchema(sys.databaseUrl, sys.schema)).toContain(CANARY);
  });

  it('and the searched topics and logs hold the story’s messages and lines', async () => {
    const { messages } = await everyMessage(sys.broker.address);
    expect(messages.join('\n')).toContain(id);
    expect(everyFile(sys.logDir).text.length).toBeGreaterThan(0);
  });
});

describe('after an admin redacts the name', () => {
  let redactionId = '';

  beforeAll(async () => {
    const res = await api.expectStatus(201, 'POST', `/api/articles/${id}/redactions`, {
      as: 'admin',
      body: {
        passage: CANARY,
        reason: 'Court order protecting a source',
        legalBasis: 'Court order',
        reference: 'HC-2026-0147',
      },
    });
    redactionId = res.body.redactionId;
    version += 1;
    await everyReadModelAt(version);
  }, 120_000);

  it('is in no answer of the API, export or public output', async () => {
    const answers = await everyAnswer();
    expect(answers).not.toContain(CANARY);
    expect(answers).toContain(redactionId);
  });

  it('is nowhere in a dump of the database', () => {
    const dump = dumpSchema(sys.databaseUrl, sys.schema);
    expect(dump.includes(CANARY)).toBe(false);
  });

  it('is in no message of any Kafka topic, the dead-letter topic included', async () => {
    const { topics, messages } = await everyMessage(sys.broker.address);
    expect(topics.some((t) => /dead|dlq/i.test(t))).toBe(true);
    expect(messages.join('\n')).not.toContain(CANARY);
  });

  it('is in no line any process logged', () => {
    expect(everyFile(sys.logDir).text).not.toContain(CANARY);
  });

  it('keeps the rest of every field that held it, in the new version', async () => {
    const { body } = await api.expectStatus(200, 'GET', `/api/articles/${id}`, { as: 'editor' });
    const paragraphs = body.working.body.map((b: { text?: string }) => b.text ?? '').join('\n');
    expect(paragraphs).toContain('a fisheries official');
    expect(paragraphs).toContain('The numbers speak for themselves.');
    expect(paragraphs).toContain('signed the papers herself.');
    expect(body.working.photos[0].caption).toContain('leaves the hall after the overnight session.');
    expect(body.working.contributors.some((c: { affiliation?: string }) => c.affiliation === 'Harbour Gazette')).toBe(
      true,
    );
  });

  it('leaves every proof valid: the chain, the log, and an exported bundle checked offline', async () => {
    const verified = await api.expectStatus(200, 'GET', `/api/articles/${id}/verify`, { as: 'auditor' });
    expect(verified.body).toMatchObject({ valid: true, events: version });
    const integrity = await api.expectStatus(200, 'GET', '/api/audit/integrity', { as: 'auditor' });
    expect(integrity.text).not.toMatch(/"valid":\s*false/);
    const dir = await bundleOfTheArticle();
    expect(everyFile(dir).text).not.toContain(CANARY);
    const key = (await api.expectStatus(200, 'GET', '/api/audit/public-key')).text.trim();
    const checked = verifyBundle(dir, key);
    expect(checked.out).toMatch(/key destroyed/i);
    expect(checked.status).toBe(0);
  });
});
