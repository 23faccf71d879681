import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The relay's wake-up call. Polling the outbox every 10 ms kept the relay and PostgreSQL busy at
 * idle; now the relay sleeps longer when the outbox is empty and writers wake it after they commit.
 * The NOTIFY is sent by the writer after its commit, in a statement of its own, never from a
 * trigger: a NOTIFY inside the writers' transactions takes PostgreSQL's global notify-queue lock at
 * their commit and serialised every writer (3.3x fewer pgbench transactions when we tried it).
 * A lost wake-up costs latency, never events: the relay still polls, only less often.
 */
export function outboxChannel(schema: string | undefined): string {
  return `newsroom_outbox:${schema ?? 'public'}`;
}

/** At most one NOTIFY every this many ms from one process: under load the relay is awake anyway. */
export const WAKEUP_SPACING_MS = 5;

type Send = () => Promise<unknown>;

/**
 * Coalesces the wake-ups of every append in a process: one NOTIFY in flight at a time, spaced by
 * WAKEUP_SPACING_MS, and one more after it when appends committed meanwhile (the relay may have
 * read the outbox before they committed).
 */
export class WakeupCoalescer {
  private inFlight = false;
  private again = false;

  constructor(
    private readonly send: Send,
    private readonly spacingMs = WAKEUP_SPACING_MS,
  ) {}

  poke(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    void this.send()
      .catch(() => undefined)
      .then(() => new Promise((r) => setTimeout(r, this.spacingMs).unref?.()))
      .then(() => {
        this.inFlight = false;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }
}

const coalescers = new WeakMap<DataSource, WakeupCoalescer>();

/** The one coalescer of a data source: every store built on it shares the spacing. */
export function outboxWakeupsOf(ds: DataSource): WakeupCoalescer {
  let c = coalescers.get(ds);
  if (!c) {
    const channel = outboxChannel((ds.options as { schema?: string }).schema);
    c = new WakeupCoalescer(() => ds.query("SELECT pg_notify($1, '')", [channel]));
    coalescers.set(ds, c);
  }
  return c;
}

export interface WakeupListenerOptions {
  url: string;
  schema: string;
  applicationName: string;
  onWake: () => void;
  /** Told when listening starts or stops, so the caller polls often while it cannot hear. */
  onListening?: (listening: boolean) => void;
}

/** A session that LISTENs for wake-ups, reconnecting with back-off when PostgreSQL drops it. */
export class OutboxWakeupListener {
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  listening = false;
  /** How many times listening started: a test sees a session replaced. */
  sessions = 0;

  constructor(private readonly o: WakeupListenerOptions) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.setListening(false);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.o.url,
      fallback_application_name: this.o.applicationName,
      connectionTimeoutMillis: 5000,
    });
    this.client = client;
    client.on('notification', () => this.o.onWake());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.o.schema).replace(/"/g, '""')}"`);
      this.failures = 0;
      this.setListening(true);
      // Appends that committed while nobody listened: look once.
      this.o.onWake();
    } catch {
      this.lost(client);
    }
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.setListening(false);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.failures += 1;
    const delay = Math.min(5000, 250 * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private setListening(on: boolean): void {
    if (this.listening === on) return;
    this.listening = on;
    if (on) this.sessions += 1;
    this.o.onListening?.(on);
  }
}
