import { Client } from 'pg';
import type { Logger } from 'pino';
import { OUTBOX_CHANNEL } from '@newsroom/event-store';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;

/**
 * LISTENs for the outbox trigger's NOTIFY on one session of its own and calls `onWake` for each
 * commit into this schema's outbox. While the session is down (cut, database restarting) `listening`
 * is false and the relay polls as before, so a lost notification costs time, never a row; it
 * reconnects with a growing delay and wakes the relay once back, for what committed meanwhile.
 */
export class OutboxWakeups {
  private client: Client | null = null;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly onWake: () => void,
    private readonly log: Logger,
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  start(): void {
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    // A fallback: PGAPPNAME, when set, names the process (the chaos campaign cuts only its own sessions).
    const client = new Client({ connectionString: this.url, fallback_application_name: 'outbox-relay-listen' });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.log.warn({ err: err?.message, retryInMs: this.retryMs }, 'outbox notifications lost; polling until back');
      this.timer = setTimeout(() => void this.connect(), this.retryMs);
      this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (n) => {
      if (n.payload === this.schema) this.onWake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      return onLost(err as Error);
    }
    if (this.closed) return void client.end().catch(() => undefined);
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.onWake();
  }
}
