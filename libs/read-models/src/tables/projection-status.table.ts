import { headPosition } from '@newsroom/event-store';
import type { EnvelopeFields } from '@newsroom/contracts';
import { READ_MODELS, READ_MODEL_STREAM_PREFIX, type ReadModelName } from '../runner/projection';
import { rebuildLockHeld } from '../runner/rebuild-locks';
import { openDeadLetterCount } from './dead-letters.table';
import type { Db } from './recordset';

// Tables `projection_status` (a read model's state: running, rebuilding, its rebuild), `projection_progress`
// (how far each partition got, and what it applied) and `projection_throughput` (applied events per
// partition in 10-second buckets, for events/s).

export interface BatchProgress {
  /** The Kafka partition the batch came from: each partition counts on a row of its own. */
  partition: number;
  applied: number;
  /** The furthest event applied or found already applied. */
  lastEvent: EnvelopeFields | null;
  /** The newest dead-letter reason of the batch, if any. */
  lastError: string | null;
}

/**
 * Progress of one batch, in the batch's own transaction so the status never claims what was
 * rolled back, nor loses what was committed. Each partition has its own row: one row per read model
 * made the partitions' batches wait on its lock until each commit. Positions only grow.
 */
export async function recordBatch(m: Db, name: ReadModelName, p: BatchProgress): Promise<void> {
  // One statement for throughput, pruning and progress: a batch is small, and round trips are its cost.
  await m.query(
    `WITH counted AS (
       INSERT INTO projection_throughput (name, partition, bucket, events)
       SELECT $1, $6, date_bin('10 seconds', now(), timestamptz 'epoch'), $4::bigint WHERE $4::bigint > 0
       ON CONFLICT (name, partition, bucket) DO UPDATE SET events = projection_throughput.events + excluded.events
     ), pruned AS (
       DELETE FROM projection_throughput
       WHERE $4::bigint > 0 AND name = $1 AND partition = $6 AND bucket < now() - interval '1 hour'
     )
     INSERT INTO projection_progress AS s (name, partition, last_position, last_event_at, last_applied_at,
       events_applied, last_error, last_error_at)
     VALUES ($1, $6, $2, $3, CASE WHEN $4::bigint > 0 THEN now() END, $4::bigint, $5,
       CASE WHEN $5::text IS NOT NULL THEN now() END)
     ON CONFLICT (name, partition) DO UPDATE SET
       last_position = GREATEST(s.last_position, excluded.last_position),
       last_event_at = GREATEST(s.last_event_at, excluded.last_event_at),
       last_applied_at = COALESCE(excluded.last_applied_at, s.last_applied_at),
       events_applied = s.events_applied + excluded.events_applied,
       last_error = COALESCE(excluded.last_error, s.last_error),
       last_error_at = COALESCE(excluded.last_error_at, s.last_error_at)`,
    [name, p.lastEvent?.position ?? 0, p.lastEvent?.occurredAt ?? null, p.applied, p.lastError, p.partition],
  );
}

/** Marks a read model's status ('stopped' on shutdown, 'rebuilding' during a rebuild, ...). */
export async function setStatus(m: Db, name: ReadModelName, status: string, lastError?: string): Promise<void> {
  await m.query(
    `INSERT INTO projection_status AS s (name, status, last_error) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET status = excluded.status,
       last_error = COALESCE(excluded.last_error, s.last_error), updated_at = now()`,
    [name, status, lastError ?? null],
  );
}

/** Back to 'running' after a rebuild's switch, at least at `position` (what the rebuilt rows reflect). */
export async function markSwitchedOver(m: Db, name: ReadModelName, position: number): Promise<void> {
  await m.query(
    `WITH progress AS (
       INSERT INTO projection_progress AS p (name, partition, last_position) VALUES ($1, -1, $2)
       ON CONFLICT (name, partition) DO UPDATE SET last_position = GREATEST(p.last_position, excluded.last_position)
     )
     UPDATE projection_status SET status = 'running', updated_at = now() WHERE name = $1`,
    [name, position],
  );
}

/**
 * A read model's running or last rebuild: 'replay' (events replayed of total, the total counted
 * when it began), 'switch' (indexing and switching in), then 'done' with its results or 'failed';
 * 'interrupted' is never recorded, only shown for a replay or switch whose process died.
 */
export interface RebuildStatus {
  state: 'replay' | 'switch' | 'done' | 'failed' | 'interrupted';
  events: number;
  total: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  error?: string;
  result?: Record<string, unknown>;
}

/** Records a rebuild's progress on the status rows of the read models it rebuilds. */
export async function recordRebuild(
  m: Db,
  names: readonly ReadModelName[],
  rebuild: (name: ReadModelName) => RebuildStatus,
): Promise<void> {
  await m.query(
    `INSERT INTO projection_status AS s (name, status, rebuild)
     SELECT name, 'rebuilding', r FROM unnest($1::text[], $2::jsonb[]) AS x(name, r)
     ON CONFLICT (name) DO UPDATE SET rebuild = excluded.rebuild`,
    [names, names.map((n) => JSON.stringify(rebuild(n)))],
  );
}

export interface ProjectionStatusView {
  name: ReadModelName;
  /** 'running', 'rebuilding', 'stopped', or 'not_started' before the first batch. */
  status: string;
  lastPosition: number;
  /** Events stored but not yet projected: max(global_position) minus lastPosition (positions can have gaps). */
  lagEvents: number;
  /** How old the last projected event is while behind; 0 when caught up, null when unknown. */
  lagMs: number | null;
  /** Applied per second over roughly the last minute. */
  eventsPerSecond: number;
  eventsApplied: number;
  lastAppliedAt: string | null;
  lastError: string | null;
  /** Unresolved dead letters: each holds back one article. */
  openDeadLetters: number;
  /** The running or last rebuild; null when it was never rebuilt since this was recorded. */
  rebuild: RebuildStatus | null;
}

/** Per read model, for `GET /api/admin/projections`. */
export async function projectionStatuses(ds: Db): Promise<ProjectionStatusView[]> {
  // Each read model follows one aggregate: another aggregate's events never make it lag.
  const heads = new Map<string, number>();
  for (const prefix of new Set(Object.values(READ_MODEL_STREAM_PREFIX)))
    heads.set(prefix, await headPosition(ds, prefix));
  // Over the last six whole buckets and the current partial one.
  const since = `date_bin('10 seconds', now(), timestamptz 'epoch') - interval '60 seconds'`;
  const recent = `(SELECT COALESCE(sum(events), 0) / EXTRACT(EPOCH FROM now() - (${since}))
    FROM projection_throughput t WHERE t.name = n.name AND t.bucket >= ${since})`;
  // The partitions' rows summed; the newest error wins, whether a batch's or a failed rebuild's.
  const progress = `(SELECT max(last_position) AS last_position, max(last_event_at) AS last_event_at,
      max(last_applied_at) AS last_applied_at, sum(events_applied) AS events_applied,
      (array_agg(last_error ORDER BY last_error_at DESC NULLS LAST))[1] AS last_error,
      max(last_error_at) AS last_error_at, count(*) AS partitions
    FROM projection_progress WHERE name = n.name)`;
  const rows = await ds.query(
    `SELECT n.name, s.status, s.rebuild, p.last_position, p.last_event_at, p.last_applied_at, p.events_applied,
       CASE WHEN s.last_error IS NOT NULL AND (p.last_error_at IS NULL OR s.updated_at > p.last_error_at)
         THEN s.last_error ELSE p.last_error END AS last_error,
       p.partitions,
       EXTRACT(EPOCH FROM now() - p.last_event_at) * 1000 AS age_ms, ${recent} AS rate,
       ${openDeadLetterCount('n.name')} AS open_dead_letters, ${rebuildLockHeld('n.name')} AS rebuild_held
     FROM unnest($1::text[]) WITH ORDINALITY AS n(name, i) LEFT JOIN projection_status s ON s.name = n.name
       LEFT JOIN LATERAL ${progress} p ON true
     ORDER BY n.i`,
    [READ_MODELS],
  );
  return rows.map((r: any): ProjectionStatusView => {
    const lastPosition = Number(r.last_position ?? 0);
    const head = heads.get(READ_MODEL_STREAM_PREFIX[r.name as ReadModelName]) ?? 0;
    const lagEvents = Math.max(0, head - lastPosition);
    return {
      name: r.name,
      status: r.status ?? (Number(r.partitions) > 0 ? 'running' : 'not_started'),
      lastPosition,
      lagEvents,
      lagMs: lagEvents === 0 ? 0 : r.age_ms === null ? null : Math.round(Number(r.age_ms)),
      eventsPerSecond: Math.round(Number(r.rate) * 10) / 10,
      eventsApplied: Number(r.events_applied ?? 0),
      lastAppliedAt: r.last_applied_at ? new Date(r.last_applied_at).toISOString() : null,
      lastError: r.last_error ?? null,
      openDeadLetters: Number(r.open_dead_letters),
      rebuild: r.rebuild ? shownRebuild(r.rebuild, r.rebuild_held) : null,
    };
  });
}

/** A rebuild recorded as under way, though nobody holds its lock, died with its process. */
function shownRebuild(rebuild: RebuildStatus, held: boolean): RebuildStatus {
  if (held || !(rebuild.state === 'replay' || rebuild.state === 'switch')) return rebuild;
  return {
    ...rebuild,
    state: 'interrupted',
    error:
      `the process running it stopped during the ${rebuild.state} ` +
      `(last progress at ${rebuild.updatedAt}); rebuild again`,
  };
}
