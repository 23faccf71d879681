import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino, { Logger } from 'pino';
import { handleCommand, outboxBacklog, PostgresEventStore, StoredEvent, streamIdOf } from '@newsroom/event-store';
import { counterDecider } from '@newsroom/testing';
import type { TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay } from './outbox.relay';
import { RELAY_DEFAULTS, RelaySettings } from './relay.settings';
import { brokers } from './topic-reader.fixture';

export const ACTOR = { id: 'user-editor', name: 'Eda Editor', role: 'editor' };

export function newArticleId(): string {
  return randomUUID();
}

/** A started relay on the suite's schema and topics; logs stay quiet unless LOG_LEVEL asks. */
export function startRelay(
  db: TestDatabase,
  prefix: string,
  instanceId: string,
  overrides: Partial<RelaySettings> = {},
  log: Logger = pino({ level: process.env.LOG_LEVEL ?? 'silent', base: { instanceId } }),
): OutboxRelay {
  const settings: RelaySettings = {
    databaseUrl: db.url,
    databaseSchema: db.schema,
    brokers,
    clientId: `relay-int-spec-${instanceId}`,
    topicPrefix: prefix,
    metricsPort: 0,
    metricsHost: '127.0.0.1',
    instanceId,
    ...RELAY_DEFAULTS,
    ...overrides,
  };
  const relay = new OutboxRelay(settings, log);
  relay.start();
  return relay;
}

/** One Increment on `<type>-<id>` (an article's stream unless told) through the real write pipeline. */
export async function appendTo(db: TestDatabase, articleId: string, streamType = 'article'): Promise<StoredEvent[]> {
  const id = randomUUID();
  const outcome = await handleCommand(
    new PostgresEventStore(db.dataSource),
    counterDecider,
    {
      streamId: streamIdOf(streamType, articleId),
      command: { type: 'Increment', by: 1 },
      metadata: { actor: ACTOR, commandId: id, correlationId: randomUUID(), causationId: id },
      now: new Date().toISOString(),
    },
    ({ version }) => ({ version }),
  );
  return outcome.appended;
}

/** A logger that keeps what the relay says, for tests that assert on its reports. */
export function recordingLogger(lines: Array<Record<string, unknown>>): Logger {
  return pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
}

export async function outboxSize(db: TestDatabase): Promise<number> {
  return outboxBacklog(db.dataSource);
}

/**
 * Editors at work: one append every `everyMs`, round-robin over the articles, each waiting for the
 * previous one so a stream's versions are appended in order. Its clock paces load; no test waits on it.
 */
export class Newsroom {
  readonly appended = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private busy: Promise<void> | null = null;
  private turn = 0;
  failures = 0;

  constructor(
    private readonly db: TestDatabase,
    private readonly articles: string[],
    everyMs = 20,
  ) {
    this.timer = setInterval(() => this.next(), everyMs);
  }

  get total(): number {
    return [...this.appended.values()].reduce((a, b) => a + b, 0);
  }

  /** Stops appending and resolves with how many versions each article reached. */
  async stop(): Promise<Map<string, number>> {
    clearInterval(this.timer);
    await this.busy;
    return this.appended;
  }

  private next(): void {
    if (this.busy) return;
    const article = this.articles[this.turn++ % this.articles.length];
    this.busy = appendTo(this.db, article)
      .then((events) => {
        this.appended.set(article, events.at(-1)!.version);
      })
      .catch(() => {
        this.failures += 1;
      })
      .finally(() => {
        this.busy = null;
      });
  }
}

const INFRA = join(__dirname, '..', '..', '..', 'infra', 'infra.sh');

/** `bash infra/infra.sh kafka-stop | kafka-start`: the real broker, really stopped. */
export async function broker(command: 'kafka-stop' | 'kafka-start'): Promise<void> {
  await promisify(execFile)('bash', [INFRA, command], { timeout: 150_000 });
}
