import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { ARTICLE_STATUSES, type ArticleCounts } from '@newsroom/contracts';
import { kafkaSecurityOf } from '@newsroom/messaging';
import { parseEnv } from '@newsroom/settings';
import { BENCH_DB_URL, fmt, freshSchema, httpJson, percentile } from './bench-support';
import { readmeScreenshots } from './bench-ui.screenshots';
import { seedThroughEventStore, type SeedUser } from './bench-ui.seed';

/**
 * bench:ui — the admin web app with 10,000 articles: navigation → interactive board, navigation →
 * interactive 500-block workspace, and the initial JavaScript (gzip), each beside the API's own
 * time for the same queries measured in the same run. The whole system runs as `npm start` runs it,
 * from the build, on a schema and topics of its own, dropped at the end.
 *   BENCH_ARTICLES (10000), BENCH_RUNS (5), BENCH_UI_SCREENSHOTS=<dir> to write board.png and workspace.png
 *   (the README's, over a dozen invented stories added after the measurements).
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEEDERS = 8;
const PORT = Number(process.env.BENCH_UI_PORT ?? 3197);
const base = `http://127.0.0.1:${PORT}`;
const root = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main() {
  const schema = `bench_ui_${randomBytes(3).toString('hex')}`;
  const db = await freshSchema(schema);
  const env = systemEnv(schema);
  // As `npm start`'s prestart: each process's database role and its grants on this schema.
  const migrate = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'migrate.js')], { cwd: root, env });
  if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
  const system = startSystem(env);
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await stopSystem(system);
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await db.destroy();
      await dropTopics(`${schema}.`).catch(() => undefined);
    })());
  // Interrupted (Ctrl-C, a timeout): the schema, topics and processes go all the same.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    await until(`${base}/health answers`, async () => (await fetch(`${base}/health`).catch(() => null))?.ok, 300_000);
    const session = (await login('editor')).body as Session;
    const adminSession = (await login('admin')).body as Session;
    const editor = { authorization: `Bearer ${session.accessToken}` };
    const admin = { authorization: `Bearer ${adminSession.accessToken}` };

    const seedStarted = performance.now();
    const commands = await seedThroughEventStore(
      db,
      ARTICLES,
      { editor: session.user, admin: adminSession.user },
      {
        concurrency: SEEDERS,
        // The API's default; the bench runs the system with it.
        policy: { fourEyesApproval: process.env.FOUR_EYES_APPROVAL !== 'false' },
        progress: (n) => console.log(`  seeding: ${n} of ${ARTICLES} articles drafted`),
      },
    );
    const appendSeconds = (performance.now() - seedStarted) / 1000;
    const bigId = await bigArticle(editor);
    await until(
      'the list read model to show every article',
      async () => (await counts(editor)).total >= ARTICLES + 1,
      600_000,
    );
    await until(
      'the read models to catch up',
      async () => {
        const res = await httpJson(base, 'GET', '/api/admin/projections', admin);
        return (res.body as Array<{ lagEvents: number }>).every((p) => !p.lagEvents);
      },
      600_000,
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const byStatus = (await counts(editor)).byStatus;
    console.log(
      `bench:ui  ${ARTICLES + 1} articles: ${commands} commands through the event store's write pipeline ` +
        `(${SEEDERS} concurrent) in ${fmt(appendSeconds)} s, relayed and projected by ${fmt(seedSeconds)} s: ` +
        ARTICLE_STATUSES.map((s) => `${s} ${byStatus[s]}`).join(', '),
    );

    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const board = await timed(RUNS, () => boardInteractive(browser, session));
      const boardApi = await timed(RUNS, () => boardQueries(editor));
      // Blocks past the first screenfuls are built after the workspace takes input: both moments are printed.
      const allBlocks: number[] = [];
      const workspace = await timed(RUNS, async () => {
        const at = await workspaceInteractive(browser, session, bigId);
        allBlocks.push(at.allBlocks);
        return at.interactive;
      });
      const workspaceApi = await timed(RUNS, () => articleQuery(editor, bigId));
      const js = initialJavaScript();

      const row = (name: string, ui: { first: number; sorted: number[] }, api: number[], target: number) => {
        const [m, a] = [percentile(ui.sorted, 50), percentile(api, 50)];
        return (
          `  ${name.padEnd(34)} median ${fmt(m, 0).padStart(5)} ms (first ${fmt(ui.first, 0)}, ` +
          `worst ${fmt(ui.sorted.at(-1)!, 0)})` +
          `   API ${fmt(a, 1).padStart(6)} ms   ratio ${fmt(m / a, 1).padStart(5)}   target ≤ ${target} ms` +
          `${m <= target ? '' : '  MISSED'}`
        );
      };
      console.log(`  ${RUNS} runs each, fresh browser context (cold cache) per run; API = the same calls from Node`);
      console.log(row('navigation → interactive board', board, boardApi.sorted, 1000));
      console.log(row('navigation → 500-block workspace', workspace, workspaceApi.sorted, 1000));
      const built = [...allBlocks].sort((x, y) => x - y);
      console.log(
        `  ${'  … all 500 blocks in the page'.padEnd(34)} median ${fmt(percentile(built, 50), 0).padStart(5)} ms ` +
          `(first ${fmt(allBlocks[0], 0)}, worst ${fmt(built.at(-1)!, 0)})   (no target: typing works before)`,
      );
      console.log(
        `  initial JavaScript (what index.html loads)  ${fmt(js.gzip / 1024)} KB gzip (${fmt(js.raw / 1024)} KB raw, ` +
          `${js.files} file(s))   target ≤ 300 KB gzip${js.gzip <= 300 * 1024 ? '' : '  MISSED'}`,
      );
      if (process.env.BENCH_UI_SCREENSHOTS) {
        const reporter = { authorization: `Bearer ${(await login('reporter')).body.accessToken}` };
        const desk = { editor, reporter, admin };
        await readmeScreenshots(base, desk, () => signedInPage(browser, session), process.env.BENCH_UI_SCREENSHOTS);
        console.log(`  screenshots: board.png and workspace.png in ${process.env.BENCH_UI_SCREENSHOTS}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await cleanUp();
  }
}

function systemEnv(schema: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: BENCH_DB_URL,
    DATABASE_SCHEMA: schema,
    KAFKA_TOPIC_PREFIX: `${schema}.`,
    PORT: String(PORT),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    RELAY_METRICS_PORT: '0',
    PROJECTOR_METRICS_PORT: '0',
  };
}

/** `npm start`'s process tree from the build, on this run's schema and topics. */
function startSystem(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(root, 'dist', 'scripts', 'start-all.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** This run's topics (and their dead-letter twins), so the shared broker keeps nothing of it. */
async function dropTopics(prefix: string): Promise<void> {
  const kafka = new Kafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: 'bench-ui',
    logLevel: logLevel.NOTHING,
    ...kafkaSecurityOf(parseEnv()),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

function stopSystem(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const login = (role: string) =>
  httpJson(base, 'POST', '/api/auth/login', {}, { email: `${role}@newsroom.test`, password: 'newsroom' });

const counts = async (auth: Record<string, string>) =>
  (await httpJson(base, 'GET', '/api/articles/counts', auth)).body as ArticleCounts;

/** One article of 500 body blocks: paragraphs with a subheading and a quote now and then. */
async function bigArticle(editor: Record<string, string>): Promise<string> {
  const body = Array.from({ length: 500 }, (_, i) =>
    i % 25 === 0
      ? { type: 'subheading', text: `Part ${i / 25 + 1}` }
      : i % 10 === 5
        ? {
            type: 'quote',
            text: `We will keep the harbour open, whatever it takes (${i}).`,
            attribution: 'A spokesperson',
          }
        : { type: 'paragraph', text: `Paragraph ${i + 1}: ferries ran late again on Tuesday as the council met.` },
  );
  const res = await httpJson(base, 'POST', '/api/articles', editor, {
    headline: 'Harbour inquiry: the full report',
    sections: ['Local'],
    body,
  });
  if (res.status !== 201) throw new Error(`big article: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

type Session = { accessToken: string; user: SeedUser };

/** A fresh context (cold cache), signed in as the sign-in page would leave it. */
async function signedInPage(browser: Browser, session: Session): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`sessionStorage.setItem('newsroom.session', ${JSON.stringify(JSON.stringify(session))})`);
  return context.newPage();
}

// Checked in the page at each frame; they answer performance.now(), the time since navigation start.
// Functions, not source strings: the app's CSP forbids eval. The server build has no DOM types.
type Field = { disabled: boolean; value: string };
type PageDocument = {
  querySelector(selector: string): Field | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; control: Field | null }>;
};

function boardIsInteractive(): number | null {
  // Inline: the page gets this function's source, not the module around it.
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  const card = doc.querySelector('section[aria-labelledby="column-draft"] article');
  const filter = doc.querySelector('form[role="search"] input');
  return card && filter && !filter.disabled ? performance.now() : null;
}

function workspaceIsInteractive(): number | null {
  // Inline: the page gets this function's source, not the module around it.
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  const label = Array.from(doc.querySelectorAll('label')).find((l) => l.textContent?.trim().startsWith('Headline'));
  const headline = label?.control;
  const block = doc.querySelector('section[aria-label^="Block 1 of 500"] textarea');
  return headline && headline.value && !headline.disabled && block ? performance.now() : null;
}

function allBlocksBuilt(): number | null {
  // Inline: the page gets this function's source, not the module around it.
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  return doc.querySelector('section[aria-label="Block 500 of 500"] textarea') ? performance.now() : null;
}

/** Milliseconds from navigation start until the first column shows cards and the filters take input. */
async function boardInteractive(browser: Browser, session: Session): Promise<number> {
  const page = await signedInPage(browser, session);
  try {
    await page.goto(`${base}/board`, { waitUntil: 'commit' });
    const at = await page.waitForFunction(boardIsInteractive, undefined, { polling: 'raf', timeout: 30_000 });
    return (await at.jsonValue()) as number;
  } finally {
    await page.context().close();
  }
}

/**
 * Milliseconds from navigation start until the workspace shows its first blocks and the headline
 * takes input, and until the last of the 500 blocks is in the page too.
 */
async function workspaceInteractive(
  browser: Browser,
  session: Session,
  id: string,
): Promise<{ interactive: number; allBlocks: number }> {
  const page = await signedInPage(browser, session);
  try {
    await page.goto(`${base}/articles/${id}`, { waitUntil: 'commit' });
    const at = await page.waitForFunction(workspaceIsInteractive, undefined, { polling: 'raf', timeout: 30_000 });
    const interactive = (await at.jsonValue()) as number;
    const all = await page.waitForFunction(allBlocksBuilt, undefined, { polling: 'raf', timeout: 60_000 });
    return { interactive, allBlocks: (await all.jsonValue()) as number };
  } finally {
    await page.context().close();
  }
}

/** The calls the board makes on load, in parallel as the browser makes them: one page per column, the counts. */
async function boardQueries(auth: Record<string, string>): Promise<number> {
  const started = performance.now();
  await Promise.all([
    ...ARTICLE_STATUSES.map((s) => httpJson(base, 'GET', `/api/articles?status=${s}&limit=20`, auth)),
    httpJson(base, 'GET', '/api/articles/counts', auth),
  ]);
  return performance.now() - started;
}

async function articleQuery(auth: Record<string, string>, id: string): Promise<number> {
  const started = performance.now();
  const res = await httpJson(base, 'GET', `/api/articles/${id}`, auth);
  if (res.status !== 200) throw new Error(`GET article: ${res.status}`);
  return performance.now() - started;
}

/** The scripts and module preloads index.html names, gzipped as a server would send them. */
function initialJavaScript(): { raw: number; gzip: number; files: number } {
  const dist = join(root, 'dist', 'admin-web');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const bytes = files.map((f) => readFileSync(join(dist, f.replace(/^\//, ''))));
  return {
    raw: bytes.reduce((n, b) => n + b.length, 0),
    gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    files: files.length,
  };
}

/** `runs` measurements one after another: the first (browser and server cold) and all of them sorted. */
async function timed(runs: number, measure: () => Promise<number>): Promise<{ first: number; sorted: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  return { first: all[0], sorted: [...all].sort((a, b) => a - b) };
}

async function until(what: string, check: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
