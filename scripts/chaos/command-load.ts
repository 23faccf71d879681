import http from 'node:http';

export interface LoadTally {
  /** Per article, the highest version a 2xx answer reported: what the system promised to keep. */
  accepted: Map<string, number>;
  acceptedCommands: number;
  /** Answers by status code, and requests that got none (a killed API, a refused connection). */
  statuses: Map<number, number>;
  unanswered: number;
  /** When each 500 and 503 came: the campaign reports them beside the fault that caused them. */
  serverErrors: Array<{ at: number; status: number; body: string }>;
  /** The first answer of each other non-2xx status, for the report. */
  refusals: Map<number, string>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  body: any;
  text: string;
}

function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const url = new URL(path, base);
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        timeout: 15_000,
        headers: {
          ...headers,
          ...(payload && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export async function loginAsEditor(base: string): Promise<string> {
  const res = await send(base, 'POST', '/api/auth/login', {}, { email: 'editor@newsroom.test', password: 'newsroom' });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return res.body.accessToken as string;
}

export async function jsonGet(base: string, path: string, token: string) {
  return send(base, 'GET', path, { authorization: `Bearer ${token}` });
}

/**
 * A steady stream of commands, `rate` a second, spread over the APIs as a load balancer would: each
 * worker drafts an article and adds contributors to it, one command at a time, then starts another.
 * Nothing is retried: an unanswered command is not accepted, and the checks hold the system only to
 * what it answered 2xx.
 */
export class CommandLoad {
  readonly tally: LoadTally = {
    accepted: new Map(),
    acceptedCommands: 0,
    statuses: new Map(),
    unanswered: 0,
    serverErrors: [],
    refusals: new Map(),
  };
  private running = false;
  private workers: Promise<void>[] = [];
  private sent = 0;

  constructor(
    private readonly apis: () => string[],
    private readonly token: string,
    private readonly rate: number,
    private readonly commandsPerArticle = 8,
  ) {}

  start(): void {
    this.running = true;
    // Enough workers that a slow answer (a cut connection, a dead API's timeout) does not stall the rate.
    const workers = Math.max(4, Math.ceil(this.rate / 4));
    const started = performance.now();
    this.workers = Array.from({ length: workers }, (_, w) => this.work(w, started));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  private async work(worker: number, started: number): Promise<void> {
    let article: string | null = null;
    let done = 0;
    while (this.running) {
      // Open loop: the n-th command is due at n / rate seconds, whichever worker sends it.
      const due = started + (this.sent / this.rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (!this.running) break;
      const n = this.sent++;
      const apis = this.apis();
      const base = apis[n % apis.length];
      const headers = { authorization: `Bearer ${this.token}` };
      try {
        const res: Answer = article
          ? await send(base, 'POST', `/api/articles/${article}/contributors`, headers, {
              // Unique per command: an add that was stored but never answered must not make the next a duplicate.
              name: `Writer ${worker}.${n}`,
              role: 'contributor',
            })
          : await send(base, 'POST', '/api/articles', headers, { headline: `Chaos ${worker}.${n}` });
        this.count(res.status, res.text);
        if (res.status >= 200 && res.status < 300) {
          const id: string = res.body.id ?? article;
          this.tally.acceptedCommands += 1;
          this.tally.accepted.set(id, Math.max(this.tally.accepted.get(id) ?? 0, res.body.version));
          article = id;
          done += 1;
          if (done >= this.commandsPerArticle) [article, done] = [null, 0];
        }
      } catch {
        this.tally.unanswered += 1;
      }
    }
  }

  private count(status: number, body: string): void {
    this.tally.statuses.set(status, (this.tally.statuses.get(status) ?? 0) + 1);
    if (status >= 500) this.tally.serverErrors.push({ at: Date.now(), status, body: body.slice(0, 300) });
    else if (status >= 300 && !this.tally.refusals.has(status)) this.tally.refusals.set(status, body.slice(0, 300));
  }
}
