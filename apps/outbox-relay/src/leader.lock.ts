import { Client } from 'pg';

// First key of the two-key advisory lock ('nwsr'); the second is the schema's hash, so relays of
// different schemas in one database (test suites, tenants) do not block each other.
export const LOCK_NAMESPACE = 0x6e777372;

/**
 * Leadership as a session-level advisory lock on a connection of its own: PostgreSQL releases it
 * when the session ends, so a standby takes over from a leader that died without a goodbye.
 */
export class LeaderLock {
  private client: Client | null = null;
  private leader = false;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly instanceId: string,
    private readonly onLost: (reason: string) => void,
  ) {}

  get held(): boolean {
    return this.leader;
  }

  /** True when this instance now leads; false while another session holds the lock. */
  async tryAcquire(): Promise<boolean> {
    const client = this.client ?? (await this.connect());
    try {
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        LOCK_NAMESPACE,
        this.schema,
      ]);
      this.leader = rows[0].locked === true && this.client === client;
    } catch (err) {
      // A session that timed out may still be half alive: start the next attempt on a fresh one.
      this.drop(`lock session failed: ${(err as Error).message}`, client);
      throw err;
    }
    return this.leader;
  }

  /** A round trip on the lock session; throws, and gives up leadership, if the session is gone. */
  async confirm(): Promise<void> {
    if (!this.client || !this.leader) throw new Error('not the leader');
    await this.client.query('SELECT 1').catch((err: Error) => {
      this.drop(`lock session failed: ${err.message}`);
      throw err;
    });
  }

  /** Ends the session, which releases the lock for a standby. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leader = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.url,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
      application_name: `outbox-relay-lock:${this.instanceId}`.slice(0, 63),
    });
    client.on('error', (err) => this.drop(`lock session error: ${err.message}`, client));
    client.on('end', () => this.drop('lock session ended', client));
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    return client;
  }

  private drop(reason: string, which: Client | null = this.client): void {
    if (which !== this.client || !which) return;
    const wasLeader = this.leader;
    this.client = null;
    this.leader = false;
    which.end().catch(() => undefined);
    if (wasLeader) this.onLost(reason);
  }
}
