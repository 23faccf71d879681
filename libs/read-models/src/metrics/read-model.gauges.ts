import { Gauge, type Registry } from 'prom-client';
import type { ReadModelName } from '../runner/projection';
import type { ProjectionStatusView } from '../tables/projection-status.table';

/**
 * Per read model, read from its status row at each scrape (as `GET /api/admin/projections` shows it):
 * how far behind the event store it is, in events and in seconds, and its open dead letters. Any
 * process that can read the status may expose them; the projector exposes its own read models'.
 */
export function registerReadModelGauges(
  registry: Registry,
  statuses: () => Promise<ProjectionStatusView[]>,
  only?: readonly ReadModelName[],
): void {
  let latest: Promise<ProjectionStatusView[]> | undefined;
  // One query per scrape for the three gauges: the first collect reads, the others reuse it.
  const read = () => {
    latest ??= statuses()
      .then((all) => all.filter((s) => !only || only.includes(s.name)))
      .finally(() => setImmediate(() => (latest = undefined)));
    return latest;
  };
  const gauge = (name: string, help: string, value: (s: ProjectionStatusView) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['read_model'],
      registers: [registry],
      async collect() {
        // A database that cannot answer leaves the last values: the scrape itself must not fail.
        const rows = await read().catch(() => []);
        for (const s of rows) {
          const v = value(s);
          if (v !== null) this.set({ read_model: s.name }, v);
        }
      },
    });
  gauge('newsroom_read_model_lag_events', 'Events stored but not yet applied to the read model', (s) => s.lagEvents);
  gauge(
    'newsroom_read_model_lag_seconds',
    'While behind, how old the newest event the read model applied is; 0 when caught up',
    (s) => (s.lagMs === null ? null : s.lagMs / 1000),
  );
  gauge('newsroom_dead_letters_open', 'Unresolved dead letters: each holds back one article', (s) => s.openDeadLetters);
}
