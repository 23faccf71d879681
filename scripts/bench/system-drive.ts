import type { ChaosSystem } from '../chaos/chaos-system';
import { SYSTEM_PROCESSES } from '../system-processes';
import { httpJson } from './bench-support';
import { articleCycle, type BenchArticle, type BenchCommand } from './system-workload';

/** What bench:system, bench:write and bench:lag send, and how: the same clients, articles and mix. */
export const CLIENTS = 16;
export const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);

/** npm start's processes with npm start's settings (log level included). */
export async function launchSystem(sys: ChaosSystem, names?: readonly string[]): Promise<string> {
  for (const p of SYSTEM_PROCESSES)
    if (!names || names.includes(p.name))
      await sys.launch({ ...p, env: { ...p.env, NODE_ENV: 'development', LOG_LEVEL: 'info' } });
  return sys.apiBases()[0]!;
}

export interface Sessions {
  editor: Record<string, string>;
  admin: Record<string, string>;
  editorUser: { id: string; name: string };
}

export async function signIn(base: string): Promise<Sessions> {
  const login = async (email: string) =>
    (await httpJson(base, 'POST', '/api/auth/login', {}, { email, password: 'newsroom' })).body;
  const editor = await login('editor@newsroom.test');
  const admin = await login('admin@newsroom.test');
  return {
    editor: { authorization: `Bearer ${editor.accessToken}` },
    admin: { authorization: `Bearer ${admin.accessToken}` },
    editorUser: editor.user,
  };
}

/** ARTICLES drafts with 800-character bodies, dealt to CLIENTS clients, each owning its own. */
export async function seedDrafts(
  base: string,
  s: Sessions,
  onAccepted: (id: string, version: number) => void = () => undefined,
): Promise<BenchArticle[][]> {
  const articles: BenchArticle[][] = Array.from({ length: CLIENTS }, () => []);
  const queue = Array.from({ length: ARTICLES }, (_, i) => i);
  await Promise.all(
    articles.map(async (mine) => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const res = await httpJson(base, 'POST', '/api/articles', s.editor, articleCycle.draft(i));
        if (res.status !== 201) throw new Error(`draft refused: ${res.status} ${JSON.stringify(res.body)}`);
        mine.push({ id: res.body.id, version: res.body.version, status: 'draft', step: 0 });
        onAccepted(res.body.id, res.body.version);
      }
    }),
  );
  return articles;
}

export interface Sent {
  latencies: number[];
  refused: Map<number, number>;
  accepted: number;
  seconds: number;
}

/** Sends an article's next command of the mix, with If-Match as the web app does; records the outcome. */
async function sendNext(
  base: string,
  s: Sessions,
  article: BenchArticle,
  n: number,
  sent: Sent,
  onAccepted: (id: string, version: number) => void,
): Promise<void> {
  const command: BenchCommand = articleCycle.next(article, n);
  const t = performance.now();
  const headers = { ...(command.asAdmin ? s.admin : s.editor), 'if-match': `"${article.version}"` };
  const res = await httpJson(base, command.method, command.path, headers, command.body);
  sent.latencies.push(performance.now() - t);
  if (res.status >= 300) {
    sent.refused.set(res.status, (sent.refused.get(res.status) ?? 0) + 1);
    return;
  }
  sent.accepted++;
  articleCycle.accepted(article, command, res.body.version);
  onAccepted(article.id, res.body.version);
}

const sentSoFar = (): Sent => ({ latencies: [], refused: new Map(), accepted: 0, seconds: 0 });

/** Closed loop: each client sends its next command as soon as the last one is answered. */
export async function closedLoop(
  base: string,
  s: Sessions,
  articles: BenchArticle[][],
  seconds: number,
  onAccepted: (id: string, version: number) => void = () => undefined,
): Promise<Sent> {
  const sent = sentSoFar();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    articles.map(async (mine, c) => {
      for (let n = 0; performance.now() < end; n++)
        await sendNext(base, s, mine[n % mine.length]!, c * 1_000_000 + n, sent, onAccepted);
    }),
  );
  sent.seconds = (performance.now() - started) / 1000;
  return sent;
}

/**
 * Open loop: `rate` commands a second whatever the answers, each to an article with no command in
 * flight (an article's commands are decided one after another, as one editor's are). When every
 * article is busy the command is counted as not offered: the system is past what it can take.
 */
export async function openLoop(
  base: string,
  s: Sessions,
  articles: BenchArticle[][],
  seconds: number,
  rate: number,
  onAccepted: (id: string, version: number) => void = () => undefined,
): Promise<Sent & { offered: number; unplaced: number }> {
  const sent = sentSoFar();
  const idle = articles.flat();
  const inFlight = new Set<Promise<void>>();
  let offered = 0;
  let unplaced = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; offered < due; offered++) {
      const article = idle.shift();
      if (!article) {
        unplaced++;
        continue;
      }
      const p: Promise<void> = sendNext(base, s, article, offered, sent, onAccepted)
        .catch(() => void sent.refused.set(0, (sent.refused.get(0) ?? 0) + 1))
        .finally(() => {
          idle.push(article);
          inFlight.delete(p);
        });
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  sent.seconds = (performance.now() - started) / 1000;
  return { ...sent, offered, unplaced };
}
