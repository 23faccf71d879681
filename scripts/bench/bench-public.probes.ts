import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { fmt } from './bench-support';

// What bench:public watches beside the latencies, so that a tail says where it came from: the API's
// event loop and garbage collector (from its /metrics), the time its main thread spent waiting for a
// CPU (the machine's other work), the database connections it had to open, and the load generator's
// own delays. Each is read before and after a phase; a probe that cannot be read reports nothing.

export const API_APPLICATION_NAME = 'bench-public-api';

/** ms the process's main thread (its event loop) has waited on a run queue for a CPU (Linux schedstat). */
function runQueueWaitMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return NaN;
  }
}

interface ApiMetrics {
  lagMax: number;
  gcSeconds: number;
  gcCount: number;
  majorCount: number;
}

/** The API's event loop lag since the last scrape (prom-client resets it then) and its GC totals. */
async function apiMetrics(baseUrl: string): Promise<ApiMetrics | undefined> {
  const text = await fetch(`${baseUrl}/metrics`).then(
    (r) => (r.ok ? r.text() : undefined),
    () => undefined,
  );
  if (text === undefined) return undefined;
  const value = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
  return {
    lagMax: value(/^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)$/gm) * 1000,
    gcSeconds: value(/^nodejs_gc_duration_seconds_sum\{[^}]*\} (\S+)$/gm),
    gcCount: value(/^nodejs_gc_duration_seconds_count\{[^}]*\} (\S+)$/gm),
    majorCount: value(/^nodejs_gc_duration_seconds_count\{[^}]*kind="major"[^}]*\} (\S+)$/gm),
  };
}

/** Watches one measured phase; `end()` says what happened in it. */
export async function watchPhase(apiPid: number, baseUrl: string, pool: Pool) {
  const started = new Date();
  const t0 = performance.now();
  const before = { metrics: await apiMetrics(baseUrl), waited: runQueueWaitMs(apiPid), load: loadavg()[0] };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // The API's connections seen during the phase, by backend pid: one opened and closed again
  // between two looks is missed, so the count is a floor.
  const opened = new Set<number>();
  const look = async () => {
    const { rows } = await pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND backend_start >= $2`,
      [API_APPLICATION_NAME, started],
    );
    for (const r of rows) opened.add(r.pid);
  };
  const timer = setInterval(() => void look().catch(() => undefined), 250);
  return {
    async end(): Promise<string> {
      clearInterval(timer);
      await look().catch(() => undefined);
      loop.disable();
      const seconds = (performance.now() - t0) / 1000;
      const after = { metrics: await apiMetrics(baseUrl), waited: runQueueWaitMs(apiPid), load: loadavg()[0] };
      const m = before.metrics && after.metrics;
      const gc =
        before.metrics && after.metrics
          ? `GC ${fmt((after.metrics.gcSeconds - before.metrics.gcSeconds) * 1000, 0)} ms in ` +
            `${fmt(after.metrics.gcCount - before.metrics.gcCount, 0)} pauses ` +
            `(${fmt(after.metrics.majorCount - before.metrics.majorCount, 0)} major)`
          : 'GC unknown';
      return [
        `API event loop lag max ${m ? fmt(after.metrics!.lagMax, 1) : '?'} ms`,
        gc,
        `API main thread waited for a CPU ${fmt((after.waited - before.waited) / seconds, 1)} ms/s`,
        `DB connections opened by the API >= ${opened.size}`,
        `load generator's event loop delay max ${fmt(loop.max / 1e6, 1)} ms`,
        `load average ${fmt(before.load, 1)} -> ${fmt(after.load, 1)}`,
      ].join(', ');
    },
  };
}
