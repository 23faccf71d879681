import {
  BENCH_DB_URL,
  fmt,
  freshSchema,
  httpJson,
  percentile,
  rawInserts,
  RAW_CLIENTS,
  startApp,
  stop,
} from './bench-support';

/**
 * bench:write — editorial commands over HTTP (16 clients, 1,000 articles) against raw single-row
 * insert transactions (8 clients) on the same PostgreSQL, in one run. Compare the ratio, not times.
 */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);
const COMMANDS_PER_ARTICLE = Number(process.env.BENCH_COMMANDS ?? 5);
const CLIENTS = 16;
const PORT = 3197;
const base = `http://127.0.0.1:${PORT}`;

/** The framework's own ceiling: auth guard, routing and a pipe that refuses the id, no database. */
async function frameworkFloor(headers: Record<string, string>, seconds: number) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        await httpJson(base, 'GET', '/api/articles/not-an-article-id', headers);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function main() {
  const schema = 'bench_write';
  const ds = await freshSchema(schema);
  await ds.destroy();
  const api = await startApp(
    'editorial-api',
    {
      DATABASE_URL: BENCH_DB_URL,
      DATABASE_SCHEMA: schema,
      PORT: String(PORT),
      NODE_ENV: 'test',
      DATABASE_POOL_SIZE: '20',
    },
    `${base}/health`,
  );
  try {
    const login = await httpJson(
      base,
      'POST',
      '/api/auth/login',
      {},
      { email: 'editor@newsroom.test', password: 'newsroom' },
    );
    const headers = { authorization: `Bearer ${login.body.accessToken}` };
    const latencies: number[] = [];
    const ids: string[] = [];
    let failures = 0;
    const send = async (path: string, body: unknown, method = 'POST') => {
      const t = performance.now();
      const res = await httpJson(base, method, path, headers, body);
      latencies.push(performance.now() - t);
      if (res.status >= 300) failures++;
      return res.body as { id: string; version: number };
    };
    // The work: each article is drafted, then revised and credited by the same client in turn.
    const queue = Array.from({ length: ARTICLES }, (_, i) => i);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const { id } = await send('/api/articles', {
            headline: `Bench story ${i}`,
            dateline: 'LONDON',
            sections: ['Bench'],
          });
          ids.push(id);
          for (let k = 1; k < COMMANDS_PER_ARTICLE; k++) {
            if (k % 2)
              await send(`/api/articles/${id}/contributors`, { name: `Reporter ${i}-${k}`, role: 'contributor' });
            else
              await send(`/api/articles/${id}/photos`, {
                url: `https://img.example.com/${i}-${k}.jpg`,
                caption: 'A caption',
                credit: 'Staff/Agency',
              });
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const commands = latencies.length;
    const rate = commands / seconds;
    latencies.sort((a, b) => a - b);
    const floor = await frameworkFloor(headers, 5);
    const raw = await rawInserts(Math.max(5, Math.min(15, seconds)));
    console.log(
      `bench:write  ${ARTICLES} articles, ${commands} commands, ${CLIENTS} HTTP clients, ${failures} failures`,
    );
    console.log(
      `  editorial commands over HTTP : ${fmt(rate)} commands/s   ` +
        `p50 ${fmt(percentile(latencies, 50), 2)} ms   p99 ${fmt(percentile(latencies, 99), 2)} ms`,
    );
    console.log(`  raw single-row insert tx (${RAW_CLIENTS}) : ${fmt(raw)} tx/s`);
    console.log(`  ratio commands/raw           : ${fmt(rate / raw, 3)}   (target >= 0.5; p99 target <= 25 ms)`);
    console.log(
      `  context: an authenticated request that does no I/O at all: ${fmt(floor)} req/s ` +
        `(${fmt(floor / raw, 3)} of raw)`,
    );
    if (failures > 0) process.exitCode = 1;
  } finally {
    await stop(api);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
