import { parseFeed } from '@rowanmanning/feed-parser';
import { parseJsonFeed } from 'feedsmith';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { waitFor, wireStory, wireStoryBody, wireStoryContributors, wireStoryPhotos } from '@newsroom/testing';
import { ninjsValidator, type SystemHarness } from '@newsroom/testing-system';
import { PublicFastPath } from '../apps/editorial-api/src/public/shared/public-fast-path';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// A wire-shaped story published, updated (minor, then major), corrected and unpublished; after each
// step every public output (page, its JSON-LD, the JSON-LD endpoint, ninjs, Atom, JSON Feed) agrees.

let sys: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  process.env.SCHEDULER_INTERVAL_MS = '200';
  // Polling tests read faster than a reader would; the limit itself has its own test below.
  process.env.PUBLIC_RATE_LIMIT_PER_S = '2000';
  sys = await startNewsroom('public_output');
  client = newsroomClient(sys);
});
afterAll(() => sys.close());

const validateNinjs = ninjsValidator();
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validateProfile = ajv.compile(
  JSON.parse(
    readFileSync(join(__dirname, '../libs/read-models/src/views/public/news-article.profile.schema.json'), 'utf8'),
  ),
);
const TIMEOUT_MS = 30_000;
const urn = (id: string) => `urn:newsroom:article:${id}`;

/** The public read model once it has applied `version` of the article (its ninjs's ETag leads with it). */
async function publicAt(id: string, version: number) {
  await waitFor(
    `article ${id} at version ${version} in public_articles`,
    async () =>
      (await sys.http().get(`/api/public/articles/${id}.ninjs.json`)).headers.etag?.startsWith(`"${version}-`),
    TIMEOUT_MS,
  );
  return outputsOf(id);
}

/** Every public output of the article, read back with parsers that did not write them. */
async function outputsOf(id: string) {
  const http = sys.http();
  const ninjs = await http.get(`/api/public/articles/${id}.ninjs.json`);
  const jsonLd = await http.get(`/api/public/articles/${id}.jsonld`);
  const atomXml = (await http.get('/feeds/atom.xml').expect(200)).text;
  const jsonFeed = parseJsonFeed((await http.get('/feeds/feed.json').expect(200)).text);
  const section = await http.get('/feeds/sections/world/atom.xml').expect(200);
  return {
    ninjs,
    jsonLd,
    jsonLdBody: jsonLd.status === 200 ? JSON.parse(jsonLd.text) : undefined,
    atom: parseFeed(atomXml),
    atomXml,
    sectionAtom: parseFeed(section.text),
    jsonFeed,
  };
}

function embeddedJsonLd(html: string): unknown {
  const [block, ...more] = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(more).toHaveLength(0);
  return JSON.parse(block![1]!);
}

/** The checks every step shares: valid documents, and the same story and dates everywhere. */
async function expectAllAgree(id: string, out: Awaited<ReturnType<typeof outputsOf>>) {
  expect(validateNinjs(out.ninjs.body)).toEqual([]);
  expect(validateProfile(out.jsonLdBody) ? [] : validateProfile.errors).toEqual([]);
  const ld = out.jsonLdBody as Record<string, any>;
  const page = await sys.http().get(new URL(ld.url).pathname).expect(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(embeddedJsonLd(page.text)).toEqual(ld);
  const entry = out.atom.items.find((i) => i.id === urn(id))!;
  const item = out.jsonFeed.items?.find((i) => i.id === urn(id));
  expect(out.ninjs.body.headlines[0].value).toBe(ld.headline);
  expect([entry.title, item?.title]).toEqual([ld.headline, ld.headline]);
  expect(out.ninjs.body.firstcreated).toBe(ld.datePublished);
  expect([entry.published?.toISOString(), item?.date_published]).toEqual([ld.datePublished, ld.datePublished]);
  expect([entry.updated?.toISOString(), item?.date_modified]).toEqual([ld.dateModified, ld.dateModified]);
  expect(page.text.includes(`Updated <time datetime="${ld.dateModified}">`)).toBe(ld.dateModified !== ld.datePublished);
  expect(out.sectionAtom.items.map((i) => i.id)).toContain(urn(id));
  return { ld, page: page.text, ninjs: out.ninjs.body };
}

describe('a wire story through its public life', () => {
  let id = '';
  let version = 0;
  let firstSlug = '';
  const editor = () => client.as('editor');
  const command = async (path: string, body: object = {}) => {
    const res = await sys
      .http()
      .post(`/api/articles/${id}${path}`)
      .set(await editor())
      .send(body)
      .expect(200);
    version = res.body.version;
  };
  // The reporter writes the draft; once it is live, the desk edits it.
  const revise = async (changes: object, by: 'reporter' | 'editor' = 'editor') => {
    const res = await sys
      .http()
      .patch(`/api/articles/${id}`)
      .set(await client.as(by))
      .set('If-Match', `"${version}"`)
      .send(changes)
      .expect(200);
    version = res.body.version;
  };

  it('is not public before it is published', async () => {
    const reporter = await client.as('reporter');
    const draft = await sys.http().post('/api/articles').set(reporter).send(wireStory).expect(201);
    id = draft.body.id;
    for (const c of wireStoryContributors) {
      await sys.http().post(`/api/articles/${id}/contributors`).set(reporter).send(c).expect(201);
    }
    const photoIds: string[] = [];
    for (const p of wireStoryPhotos) {
      photoIds.push(
        (await sys.http().post(`/api/articles/${id}/photos`).set(reporter).send(p).expect(201)).body.photoId,
      );
    }
    version = (await client.storedVersion(id)) as number;
    await revise({ body: wireStoryBody(photoIds) }, 'reporter');
    await sys.http().post(`/api/articles/${id}/submit`).set(reporter).send({}).expect(200);
    await command('/approve');
    await client.articleAt(id, version);

    expect((await sys.http().get(`/api/public/articles/${id}.ninjs.json`)).status).toBe(404);
    expect((await sys.http().get(`/api/public/articles/${id}.jsonld`)).status).toBe(404);
  });

  it('when published, then every output shows it and they agree', async () => {
    await command('/publish');
    const out = await publicAt(id, version);
    const { ld, page, ninjs } = await expectAllAgree(id, out);

    firstSlug = new URL(ld.url).pathname;
    expect(ld.dateModified).toBe(ld.datePublished);
    expect(ninjs).toMatchObject({ pubstatus: 'usable', located: 'REYKJAVIK', by: 'By Maren Holt' });
    expect(ninjs.associations).toHaveLength(3);
    expect(page).toContain(
      'Tomas Berg, Ingrid Sol, Pavel Novak, Lena Fjord and Oskar Dahl contributed to this report.',
    );
  });

  it('after a minor update, the body changes everywhere and dateModified and Atom updated do not move', async () => {
    const before = await outputsOf(id);
    await revise({ standfirst: 'Negotiators from five nations settled a two-year dispute over catch limits.' });
    await command('/publish', { updateKind: 'minor' });
    const { ld, ninjs } = await expectAllAgree(id, await publicAt(id, version));

    expect(ld.description).toBe('Negotiators from five nations settled a two-year dispute over catch limits.');
    expect(ld.dateModified).toBe(before.jsonLdBody.dateModified);
    expect(ninjs.version).toBe(String(version - 1));
  });

  it('after a major update, dateModified moves; the first slug stays, the new headline’s redirects to it', async () => {
    const before = await outputsOf(id);
    await revise({ headline: 'Five coastal nations sign fishing quota plan' });
    await command('/publish', { updateKind: 'major' });
    const { ld, page } = await expectAllAgree(id, await publicAt(id, version));

    expect(Date.parse(ld.dateModified)).toBeGreaterThan(Date.parse(before.jsonLdBody.dateModified));
    expect(new URL(ld.url).pathname).toBe(firstSlug);
    expect(page).toContain('<h1>Five coastal nations sign fishing quota plan</h1>');
    const moved = await sys.http().get(`/news/five-coastal-nations-sign-fishing-quota-plan-${id.slice(0, 8)}`);
    expect([moved.status, moved.headers.location]).toEqual([301, firstSlug]);
  });

  it('after a correction, it is dated in the page, the JSON-LD and ninjs, and dateModified is its date', async () => {
    await command('/corrections', {
      text: 'An earlier version misstated the number of countries.',
      kind: 'correction',
    });
    const { ld, page, ninjs } = await expectAllAgree(id, await publicAt(id, version));

    expect(ld.correction).toEqual([
      expect.objectContaining({ '@type': 'CorrectionComment', datePublished: ld.dateModified }),
    ]);
    expect(page).toContain(`<time datetime="${ld.dateModified}">`);
    expect(ninjs.ednote).toContain('An earlier version misstated the number of countries.');
  });

  it('when unpublished, the page is 410, ninjs is canceled, and Atom carries a tombstone', async () => {
    await command('/unpublish', { reason: 'Legal review' });
    const out = await publicAt(id, version);

    expect((await sys.http().get(firstSlug)).status).toBe(410);
    expect(out.jsonLd.status).toBe(410);
    expect(validateNinjs(out.ninjs.body)).toEqual([]);
    expect(out.ninjs.body.pubstatus).toBe('canceled');
    expect(JSON.stringify(out.ninjs.body)).not.toContain('fishing');
    expect(out.atom.items.map((i) => i.id)).not.toContain(urn(id));
    expect((out.jsonFeed.items ?? []).map((i) => i.id)).not.toContain(urn(id));
    const feed = create(out.atomXml).end({ format: 'object' }) as Record<string, any>;
    const tombstones = [feed.feed['at:deleted-entry']].flat().filter(Boolean);
    expect(tombstones.map((t: Record<string, string>) => t['@ref'])).toContain(urn(id));
  });
});

describe('an embargoed story scheduled for its embargo', () => {
  it('shows nothing, not even its headline in a feed, before its time, and everything after it', async () => {
    const reporter = await client.as('reporter');
    const editor = await client.as('editor');
    const at = new Date(Date.now() + 8000);
    const headline = 'Embargoed: central bank cuts rates';
    const draft = await sys
      .http()
      .post('/api/articles')
      .set(reporter)
      .send({ headline, sections: ['Business'], embargoUntil: at.toISOString() })
      .expect(201);
    const id = draft.body.id as string;
    await sys.http().post(`/api/articles/${id}/submit`).set(reporter).send({}).expect(200);
    await sys.http().post(`/api/articles/${id}/approve`).set(editor).send({}).expect(200);
    const early = await sys.http().post(`/api/articles/${id}/publish`).set(editor).send({});
    expect(early.status).toBe(409);
    await sys.http().post(`/api/articles/${id}/schedule`).set(editor).send({ publishAt: at.toISOString() }).expect(200);
    const slug = `/news/embargoed-central-bank-cuts-rates-${id.slice(0, 8)}`;

    // T − 1 s: every output looked at once, the projector caught up with everything stored so far.
    await client.caughtUp('public_articles');
    expect(Date.now()).toBeLessThan(at.getTime() - 1000);
    const before = await outputsOf(id);
    expect([before.ninjs.status, before.jsonLd.status, (await sys.http().get(slug)).status]).toEqual([404, 404, 404]);
    const feeds = [before.atomXml, JSON.stringify(before.jsonFeed)];
    feeds.push((await sys.http().get('/feeds/sections/business/feed.json')).text);
    for (const feed of feeds) expect(feed).not.toContain('central bank');

    // T + 1 s (within the projection's lag): it appears, published no earlier than its time.
    const page = await waitFor(
      'the embargoed page',
      async () => {
        const res = await sys.http().get(slug);
        return res.status === 200 ? res : undefined;
      },
      TIMEOUT_MS,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    const ld = embeddedJsonLd(page.text) as { datePublished: string };
    expect(Date.parse(ld.datePublished)).toBeGreaterThanOrEqual(at.getTime());
    const after = await outputsOf(id);
    expect(after.ninjs.body).toMatchObject({ pubstatus: 'usable', embargoed: at.toISOString() });
    expect(after.atom.items.map((i) => i.id)).toContain(urn(id));
  });
});

describe('the public routes', () => {
  it('render a <script> headline as text in the page and escape it inside the JSON-LD block', async () => {
    const reporter = await client.as('reporter');
    const editor = await client.as('editor');
    const headline = '</script><script>alert(1)</script>';
    const { body } = await sys.http().post('/api/articles').set(reporter).send({ headline }).expect(201);
    await sys.http().post(`/api/articles/${body.id}/submit`).set(reporter).send({}).expect(200);
    await sys.http().post(`/api/articles/${body.id}/approve`).set(editor).send({}).expect(200);
    const published = await sys.http().post(`/api/articles/${body.id}/publish`).set(editor).send({}).expect(200);
    const out = await publicAt(body.id, published.body.version);
    const page = await sys.http().get(new URL(out.jsonLdBody.url).pathname).expect(200);

    expect(page.text.match(/<script/g)).toHaveLength(1);
    expect(page.text).toContain('\\u003c/script\\u003e');
    expect(embeddedJsonLd(page.text)).toMatchObject({ headline });
    expect(page.headers['content-security-policy']).toContain("script-src 'none'");
  });

  it('answer a feed poller that holds the current ETag with 304 and no body', async () => {
    const first = await sys.http().get('/feeds/atom.xml').expect(200);
    const again = await sys.http().get('/feeds/atom.xml').set('If-None-Match', first.headers.etag!);

    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const since = await sys.http().get('/feeds/atom.xml').set('If-Modified-Since', first.headers['last-modified']!);
    expect(since.status).toBe(304);
  });

  it('answer a reader or partner holding the current page, ninjs or JSON-LD with 304, by its strong ETag', async () => {
    const reporter = await client.as('reporter');
    const editor = await client.as('editor');
    const { body } = await sys.http().post('/api/articles').set(reporter).send({ headline: 'Held' }).expect(201);
    await sys.http().post(`/api/articles/${body.id}/submit`).set(reporter).send({}).expect(200);
    await sys.http().post(`/api/articles/${body.id}/approve`).set(editor).send({}).expect(200);
    const published = await sys.http().post(`/api/articles/${body.id}/publish`).set(editor).send({}).expect(200);
    const out = await publicAt(body.id, published.body.version);
    const paths = [
      new URL(out.jsonLdBody.url).pathname,
      `/api/public/articles/${body.id}.ninjs.json`,
      `/api/public/articles/${body.id}.jsonld`,
    ];

    for (const path of paths) {
      const first = await sys.http().get(path).expect(200);
      expect(first.headers.etag).toMatch(new RegExp(`^"${published.body.version}-[\\w-]+"$`));
      const again = await sys.http().get(path).set('If-None-Match', first.headers.etag!);
      expect([path, again.status, again.text ?? '']).toEqual([path, 304, '']);
    }
  });

  it('answer a plain story read and a feed poller’s 304 on the fast path as the full pipeline does', async () => {
    const reporter = await client.as('reporter');
    const editor = await client.as('editor');
    const { body } = await sys
      .http()
      .post('/api/articles')
      .set(reporter)
      .send({ headline: 'Fast and same' })
      .expect(201);
    await sys.http().post(`/api/articles/${body.id}/submit`).set(reporter).send({}).expect(200);
    await sys.http().post(`/api/articles/${body.id}/approve`).set(editor).send({}).expect(200);
    const published = await sys.http().post(`/api/articles/${body.id}/publish`).set(editor).send({}).expect(200);
    const out = await publicAt(body.id, published.body.version);
    const page = new URL(out.jsonLdBody.url).pathname;
    const upper = body.id.toUpperCase();
    // Each path, then the same resource by a spelling the fast path leaves to Express and Nest (a
    // trailing slash, an upper-case id: the router and ArticleIdPipe accept both).
    const pairs = [
      [page, `${page}/`],
      [`/api/public/articles/${body.id}.ninjs.json`, `/api/public/articles/${upper}.ninjs.json`],
      [`/api/public/articles/${body.id}.jsonld`, `/api/public/articles/${upper}.jsonld`],
    ];
    const fast = sys.app.get(PublicFastPath);
    const taken = jest.spyOn(fast, 'serve');
    const comparable = (headers: Record<string, string>) => {
      const { date: _date, ...rest } = headers;
      return rest;
    };
    try {
      for (const [path, viaPipeline] of pairs) {
        taken.mockClear();
        const quick = await sys.http().get(path).expect(200);
        expect([path, taken.mock.results.map((r) => r.value)]).toEqual([path, [true]]);
        taken.mockClear();
        const full = await sys.http().get(viaPipeline).expect(200);
        expect([viaPipeline, taken.mock.results.map((r) => r.value)]).toEqual([viaPipeline, [false]]);
        expect(quick.text).toContain('Fast and same');
        expect(quick.text).toBe(full.text);
        expect([path, comparable(quick.headers)]).toEqual([path, comparable(full.headers)]);
      }
      // A poller's 304, then the same one through the pipeline (a page number in the query).
      const { etag } = (await sys.http().get('/feeds/atom.xml').expect(200)).headers;
      taken.mockClear();
      const quick = await sys.http().get('/feeds/atom.xml').set('If-None-Match', etag!).expect(304);
      const full = await sys.http().get('/feeds/atom.xml?page=1').set('If-None-Match', etag!).expect(304);
      expect(taken.mock.results.map((r) => r.value)).toEqual([true, false]);
      expect(comparable(quick.headers)).toEqual(comparable(full.headers));
    } finally {
      taken.mockRestore();
    }
  });

  it('refuse a page number out of range with 400 naming the field', async () => {
    const res = await sys.http().get('/feeds/feed.json?page=0').expect(400);
    expect(JSON.stringify(res.body)).toContain('page');
  });

  it('are not swallowed by the web app', async () => {
    expect((await sys.http().get('/news/no-such-story')).status).toBe(404);
    expect((await sys.http().get('/feeds/nothing.xml')).status).toBe(404);
  });
});
