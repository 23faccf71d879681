import { readFileSync } from 'node:fs';
import type { ChaosSystem } from '../chaos/chaos-system';
import { SYSTEM_PROCESSES } from '../system-processes';

const TICK_MS = 1000 / 100; // clock ticks: USER_HZ is 100 on Linux

/** CPU milliseconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

export type Usage = Map<string, Map<number, number>>;

/**
 * Each group's processes and their CPU so far: the apps launched, the broker and this run's
 * database sessions. A bench that launches only some of `npm start`'s processes counts only those.
 */
export async function usage(sys: ChaosSystem, broker = true): Promise<Usage> {
  const groups: Usage = new Map();
  const add = (group: string, pid: number | undefined) => {
    if (!pid) return;
    if (!groups.has(group)) groups.set(group, new Map());
    groups.get(group)!.set(pid, cpuMs(pid));
  };
  for (const p of SYSTEM_PROCESSES) add(p.name, sys.pidOf(p.name));
  if (broker) add('kafka broker', sys.broker.pid);
  // The relay's lock session names itself, not the run: it is the relay's by its pid.
  const relayPid = sys.pidOf('outbox-relay');
  const names = [`chaos-${sys.runId}-%`, ...(relayPid ? [`outbox-relay-lock:%-${relayPid}`] : [])];
  const backends: Array<{ pid: number }> = await sys.db.query(
    `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND application_name LIKE ANY($1::text[])`,
    [names],
  );
  for (const { pid } of backends) add('postgresql backends', pid);
  return groups;
}

/** CPU ms per group between two readings (a session opened in between counts from zero). */
export function spent(before: Usage, after: Usage): Map<string, number> {
  const out = new Map<string, number>();
  for (const [group, pids] of after) {
    let ms = 0;
    for (const [pid, now] of pids) ms += now - (before.get(group)?.get(pid) ?? 0);
    out.set(group, ms);
  }
  return out;
}

export const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
