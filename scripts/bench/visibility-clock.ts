import { Client } from 'pg';
import { ARTICLE_VERSIONS_CHANNEL } from '@newsroom/read-models';
import { BENCH_DB_URL } from './bench-support';

/**
 * Accepted → visible in article_state, from the projector's own NOTIFY on commit: the one
 * definition of "visible" that bench:system and bench:lag share.
 */
export class VisibilityClock {
  readonly lags: number[] = [];
  private readonly pending = new Map<string, Array<{ version: number; at: number }>>();
  private readonly visible = new Map<string, number>();
  private readonly client = new Client({ connectionString: BENCH_DB_URL });

  constructor(private readonly schema: string) {}

  async start() {
    await this.client.connect();
    this.client.on('notification', (n) => {
      const { schema, versions } = JSON.parse(n.payload ?? '{}') as { schema: string; versions: [string, number][] };
      if (schema !== this.schema) return;
      const now = performance.now();
      for (const [id, version] of versions) {
        this.visible.set(id, Math.max(version, this.visible.get(id) ?? 0));
        const waiting = this.pending.get(id);
        if (!waiting) continue;
        while (waiting.length > 0 && waiting[0]!.version <= version) this.lags.push(now - waiting.shift()!.at);
        if (waiting.length === 0) this.pending.delete(id);
      }
    });
    await this.client.query(`LISTEN ${ARTICLE_VERSIONS_CHANNEL}`);
  }

  /** `at`: when the answer arrived; an open-loop client passes the time its answer was read. */
  accepted(id: string, version: number, at = performance.now()) {
    // Seen before its answer reached the client (the client's event loop was busy): visible at once.
    if ((this.visible.get(id) ?? 0) >= version) return void this.lags.push(0);
    if (!this.pending.has(id)) this.pending.set(id, []);
    this.pending.get(id)!.push({ version, at });
  }

  get waiting(): number {
    let n = 0;
    for (const w of this.pending.values()) n += w.length;
    return n;
  }

  stop = () => this.client.end();
}

/** Waits until every accepted command is visible in article_state (or gives up after `ms`). */
export async function caughtUp(clock: VisibilityClock, ms: number) {
  const deadline = Date.now() + ms;
  while (clock.waiting > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (clock.waiting > 0) process.stdout.write(`  (${clock.waiting} accepted commands still not visible)\n`);
}
