import { AppendOutcomeUnknown, isConnectionLost } from './database-unavailable';
import { rowToEvent } from './event-store';
import { StreamVersionTaken } from './event-store.errors';
import type { AppendOptions, ChainedEvent, StreamAppend } from './event-store.port';
import type { EventMetadata, StoredEvent } from './event-store.types';
import { IdempotencyKeyTaken } from './idempotency';
import { MicrotaskBatcher } from './microtask-batcher';

/** One caller's append: its parts all or none, its events already numbered and chained. */
export interface ChainedAppend {
  parts: StreamAppend[];
  chained: ChainedEvent[];
  metadata: EventMetadata;
  occurredAt: string;
  opts: AppendOptions;
}

interface Waiting extends ChainedAppend {
  resolve(stored: StoredEvent[][]): void;
  reject(err: unknown): void;
}

/** What the group statement answers: the events that landed (with their command) and the commands whose key did. */
interface GroupRow {
  events: Array<Record<string, unknown> & { cmd: number }>;
  kept: number[];
}

/** A bound on one statement's size; more waiting appends go in the next group. */
const MAX_GROUP = 64;

/**
 * Group commit: the appends that arrive while a group is being written wait, then go together in
 * one statement (one round trip, one transaction, one WAL flush). Each append keeps its own outcome:
 *
 * - Events go in with ON CONFLICT (stream_id, version) DO NOTHING, so an append whose stream moved
 *   stores nothing and fails alone (StreamVersionTaken), its group mates commit.
 * - An append that would land only in part (a race with an append of another shape from another
 *   process), or whose events land but whose idempotency key was taken meanwhile, fails the whole
 *   statement on purpose (a division by zero, the one error plain SQL can raise on demand), and so
 *   does any other error: nothing of the group is stored, and each append runs again alone, for its
 *   exact outcome.
 * - A lost connection may have committed the group or not: every append in it is told so, with
 *   its own event ids (AppendOutcomeUnknown), and never run again here.
 *
 * Rows go in by (stream, version), so two groups that share streams take their locks in one order.
 */
export class GroupCommit {
  private readonly batcher: MicrotaskBatcher<Waiting>;

  constructor(
    private readonly query: (sql: string, params: unknown[]) => Promise<GroupRow[]>,
    /** The append on its own: the statement a group of one is, and the way back from a failed group. */
    private readonly alone: (a: ChainedAppend) => Promise<StoredEvent[][]>,
    /**
     * How many group statements may run at once; the appends that arrive meanwhile form the next
     * group. Two, so that a group held on a row lock (another process's append) does not stall all.
     */
    maxInFlight = 2,
  ) {
    this.batcher = new MicrotaskBatcher<Waiting>(
      (waiting) => this.take(waiting),
      (group) => (group.length === 1 ? this.settle(group[0]) : this.commit(group)),
      maxInFlight,
    );
  }

  append(a: ChainedAppend): Promise<StoredEvent[][]> {
    return new Promise((resolve, reject) => this.batcher.push({ ...a, resolve, reject }));
  }

  /**
   * The next group, in arrival order. A second append under an idempotency key already in the group
   * waits for the next one: its key would not land, and which twin's did the statement cannot tell.
   */
  private take(waiting: Waiting[]): { batch: Waiting[]; later: Waiting[] } {
    const group: Waiting[] = [];
    const later: Waiting[] = [];
    const keys = new Set<string>();
    for (const w of waiting) {
      const key = w.opts.remember && JSON.stringify([w.opts.remember.key.actorId, w.opts.remember.key.key]);
      if (group.length >= MAX_GROUP || (key !== undefined && keys.has(key))) later.push(w);
      else {
        if (key !== undefined) keys.add(key);
        group.push(w);
      }
    }
    return { batch: group, later };
  }

  private settle(w: Waiting): Promise<void> {
    return this.alone(w).then(w.resolve, w.reject);
  }

  private async commit(group: Waiting[]): Promise<void> {
    let row: GroupRow;
    try {
      [row] = await this.query(GROUP_APPEND, groupParams(group));
    } catch (err) {
      if (!isConnectionLost(err)) return void (await Promise.all(group.map((w) => this.settle(w))));
      for (const w of group)
        w.reject(
          new AppendOutcomeUnknown(
            err,
            w.chained.map((e) => e.eventId),
          ),
        );
      return;
    }
    const kept = new Set(row.kept);
    group.forEach((w, cmd) => {
      const landed = row.events.filter((e) => e.cmd === cmd).map(rowToEvent);
      if (w.chained.length > 0 && landed.length === 0) {
        const taken = w.parts.find((p) => p.events.length > 0)!;
        return w.reject(new StreamVersionTaken(taken.streamId, (taken.head?.version ?? 0) + 1));
      }
      if (w.opts.remember && !kept.has(cmd)) return w.reject(new IdempotencyKeyTaken(w.opts.remember.key.key));
      w.resolve(
        w.parts.map((p) => landed.filter((e) => e.streamId === p.streamId).sort((a, b) => a.version - b.version)),
      );
    });
  }
}

/** The group's events, idempotency keys and field keys as JSON: three parameters, whatever its size. */
function groupParams(group: Waiting[]): [string, string, string] {
  const events = group.flatMap((w, cmd) =>
    w.chained.map((e) => ({
      cmd,
      publish: w.opts.publish !== false,
      event_id: e.eventId,
      stream_id: e.streamId,
      version: e.version,
      type: e.type,
      schema_version: e.schemaVersion,
      data: e.data,
      metadata: w.metadata,
      occurred_at: w.occurredAt,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
  const keys = group.flatMap((w, cmd) => {
    const r = w.opts.remember;
    return r
      ? [{ cmd, actor_id: r.key.actorId, key: r.key.key, request_hash: r.key.requestHash, answer: r.answer ?? null }]
      : [];
  });
  const fieldKeys = group.flatMap((w, cmd) =>
    (w.opts.fieldKeys ?? []).map((k) => ({
      cmd,
      kid: k.kid,
      stream_id: k.streamId,
      master_key_id: k.masterKeyId,
      wrapped: k.wrapped.toString('base64'),
    })),
  );
  return [JSON.stringify(events), JSON.stringify(keys), JSON.stringify(fieldKeys)];
}

// `counts` holds, per command with events, how many were wanted and how many landed; a key is kept
// only for a command whose events all landed (or that had none), and so are the keys of its encrypted
// fields (`sealed`). `broken` is what must not commit.
const GROUP_APPEND = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(cmd int, publish boolean, event_id uuid, stream_id text,
    version int, type text, schema_version int, data jsonb, metadata jsonb, occurred_at timestamptz,
    prev_hash text, hash text)
), appended AS (
  INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
  SELECT event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, prev_hash, hash
  FROM input ORDER BY stream_id, version, cmd
  ON CONFLICT (stream_id, version) DO NOTHING
  RETURNING global_position, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at,
    prev_hash, hash
), landed AS (
  SELECT i.cmd, i.publish, a.* FROM appended a JOIN input i USING (event_id)
), counts AS (
  SELECT i.cmd, count(l.cmd) AS landed, count(*) AS wanted FROM input i LEFT JOIN landed l USING (event_id)
  GROUP BY i.cmd
), queued AS (
  INSERT INTO outbox (global_position, stream_id)
  SELECT global_position, stream_id FROM landed WHERE publish ORDER BY stream_id, version
), keys AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS k(cmd int, actor_id text, key text, request_hash text, answer jsonb)
), remembered AS (
  INSERT INTO idempotency_keys (actor_id, key, request_hash, answer)
  SELECT actor_id, key, request_hash, answer FROM keys k
  WHERE NOT EXISTS (SELECT 1 FROM counts c WHERE c.cmd = k.cmd AND c.landed < c.wanted)
  ORDER BY actor_id, key
  ON CONFLICT (actor_id, key) DO NOTHING
  RETURNING actor_id, key
), sealed AS (
  INSERT INTO field_keys (kid, stream_id, master_key_id, wrapped)
  SELECT f.kid, f.stream_id, f.master_key_id, decode(f.wrapped, 'base64')
  FROM jsonb_to_recordset($3::jsonb) AS f(cmd int, kid text, stream_id text, master_key_id text, wrapped text)
  WHERE NOT EXISTS (SELECT 1 FROM counts c WHERE c.cmd = f.cmd AND c.landed < c.wanted)
), kept AS (
  SELECT k.cmd FROM keys k JOIN remembered r USING (actor_id, key)
), broken AS (
  SELECT cmd FROM counts WHERE landed > 0 AND landed < wanted
  UNION ALL
  SELECT k.cmd FROM keys k JOIN counts c USING (cmd) WHERE c.landed > 0 AND k.cmd NOT IN (SELECT cmd FROM kept)
)
SELECT (SELECT 1 / (count(*) = 0)::int FROM broken) AS whole,
  (SELECT coalesce(json_agg(l ORDER BY l.global_position), '[]') FROM landed l) AS events,
  (SELECT coalesce(json_agg(cmd), '[]') FROM kept) AS kept`;
