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

/** µs in which some runnable task of this machine waited for a CPU (Linux PSI), NaN where unsupported. */
function cpuPressureUs(): number {
  try {
    return Number(/^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** The machine's busy and total CPU time so far, over all its CPUs (/proc/stat, in clock ticks). */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are the idle ones.
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/**
 * Waits until the system has run `settleSeconds` since `startedAt` and the machine has then been
 * quiet (at most `busyPercent` of its CPUs busy) for `quietSeconds` in a row, or `maxSeconds`
 * passed. A system just started is still compiling, joining its consumer groups and creating
 * topics (the broker's JIT with it), in bursts a short quiet spell does not rule out: measured in
 * that stretch, bench:public's first phase had a raw row read p99 of 10 to 200 ms while its second
 * had 5 to 25; 30 s after the start, the first was as clean as the second (7 ms). Says how long it
 * took and how busy the machine was at the end.
 */
export async function untilMachineQuiet({
  startedAt,
  settleSeconds = 30,
  quietSeconds = 10,
  busyPercent = 20,
  maxSeconds = 120,
}: {
  startedAt: number;
  settleSeconds?: number;
  quietSeconds?: number;
  busyPercent?: number;
  maxSeconds?: number;
}): Promise<string> {
  const t0 = performance.now();
  let quietFor = 0;
  let last = 0;
  for (let before = machineTicks(); ;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = machineTicks();
    last = (100 * (now.busy - before.busy)) / Math.max(1, now.total - before.total);
    before = now;
    quietFor = last <= busyPercent ? quietFor + 0.5 : 0;
    const waited = (performance.now() - t0) / 1000;
    const running = (performance.now() - startedAt) / 1000;
    const summary = `${fmt(running, 0)} s after the system started`;
    if (running >= settleSeconds && quietFor >= quietSeconds)
      return `machine quiet (${fmt(last, 0)}% busy) for ${quietSeconds} s, ${summary}`;
    if (waited >= maxSeconds) return `machine still ${fmt(last, 0)}% busy ${summary}: measured anyway`;
  }
}

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

const cpuSum = (u: NodeJS.CpuUsage) => u.user + u.system;

/** Watches one measured phase; `end()` says what happened in it. */
export async function watchPhase(apiPid: number, baseUrl: string, pool: Pool) {
  const started = new Date();
  const t0 = performance.now();
  const before = { metrics: await apiMetrics(baseUrl), waited: runQueueWaitMs(apiPid), load: loadavg()[0] };
  const ownCpu = process.cpuUsage();
  const pressure = cpuPressureUs();
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
        `load generator's CPU ${fmt(cpuSum(process.cpuUsage(ownCpu)) / 1000 / seconds, 0)} ms/s`,
        `load average ${fmt(before.load, 1)} -> ${fmt(after.load, 1)}`,
        // On a virtual machine whose host is busy, tasks wait for a CPU while the guest looks idle.
        `some task waiting for a CPU ${fmt((cpuPressureUs() - pressure) / 1000 / seconds, 0)} ms/s`,
      ].join(', ');
    },
  };
}
