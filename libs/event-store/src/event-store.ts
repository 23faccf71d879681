import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppendOutcomeUnknown, isConnectionLost, unavailableOr } from './database-unavailable';
import { StreamVersionTaken } from './event-store.errors';
import { AppendOptions, chainAfter, EventStore, ReadStreamOptions, StreamAppend, StreamHead } from './event-store.port';
import { ChainedAppend, GroupCommit } from './group-commit';
import { GroupedReads } from './grouped-reads';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { outboxWakeupsOf } from './outbox-wakeup';
import { DEFAULT_IDEMPOTENCY_TTL_MS, IdempotencyKey, IdempotencyKeyTaken, RecordedAnswer } from './idempotency';

/** Every column of an event, in the shape rowToEvent reads; the store's other queries use it too. */
export const EVENT_COLUMNS = `global_position, event_id, stream_id, version, type, schema_version, data, metadata,
  occurred_at, prev_hash, hash`;

export function rowToEvent(r: any): StoredEvent {
  return {
    globalPosition: Number(r.global_position),
    eventId: r.event_id,
    streamId: r.stream_id,
    version: r.version,
    type: r.type,
    schemaVersion: r.schema_version,
    data: r.data,
    metadata: r.metadata,
    occurredAt: new Date(r.occurred_at).toISOString(),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}

/** The outbox rows of the appended events, for the relay to send. */
const QUEUED = `, queued AS (
  INSERT INTO outbox (global_position, stream_id) SELECT global_position, stream_id FROM appended
  ORDER BY stream_id, version
)`;

/** The part whose stream the unique violation names (`Key (stream_id, version)=(…, n)`), else the first. */
function takenStream(err: unknown, parts: StreamAppend[]): StreamAppend {
  const e = err as { detail?: string; driverError?: { detail?: string } };
  const detail = e?.detail ?? e?.driverError?.detail ?? '';
  return parts.find((p) => detail.includes(`(${p.streamId},`)) ?? parts[0];
}

/** A transaction the caller holds open (relay tests that commit late, benches); the pool otherwise. */
export type InTransaction = { manager?: EntityManager };

export interface PostgresEventStoreOptions {
  /**
   * Appends that arrive together share one statement (see GroupCommit), and so do whole-stream
   * reads (GroupedReads); true unless told otherwise.
   */
  groupCommit?: boolean;
}

/**
 * The PostgreSQL event store: append-only streams with a per-stream hash chain.
 * Every append writes its events and one outbox row per event in one statement, shared with the
 * appends that arrive at the same time (group commit).
 */
export class PostgresEventStore extends EventStore {
  override readonly storesFieldKeys = true;
  private readonly group?: GroupCommit;
  private readonly reads?: GroupedReads<string, StoredEvent[]>;
  private readonly recalls?: GroupedReads<IdempotencyKey, RecordedAnswer | undefined>;

  constructor(
    private readonly dataSource: DataSource,
    /** After this long an idempotency key is forgotten: the same key again is a new request. */
    private readonly idempotencyTtlMs = DEFAULT_IDEMPOTENCY_TTL_MS,
    options: PostgresEventStoreOptions = {},
  ) {
    super();
    if (options.groupCommit !== false) {
      this.group = new GroupCommit(
        (sql, params) => this.prepared('newsroom_group_append', sql, params),
        (a) => this.appendAlone(a, this.dataSource.manager),
      );
      this.reads = new GroupedReads((streamIds) => this.readStreams(streamIds));
      this.recalls = new GroupedReads((keys) => this.recallAll(keys));
    }
  }

  async readStream(streamId: string, opts: ReadStreamOptions & InTransaction = {}): Promise<StoredEvent[]> {
    const whole =
      opts.fromVersion === undefined &&
      opts.toVersion === undefined &&
      opts.until === undefined &&
      opts.types === undefined &&
      !opts.manager;
    if (whole && this.reads) return this.reads.read(streamId).catch((err) => Promise.reject(unavailableOr(err)));
    const params: unknown[] = [streamId];
    let where = 'stream_id = $1';
    if (opts.fromVersion !== undefined) {
      params.push(opts.fromVersion);
      where += ` AND version >= $${params.length}`;
    }
    if (opts.toVersion !== undefined) {
      params.push(opts.toVersion);
      where += ` AND version <= $${params.length}`;
    }
    if (opts.until !== undefined) {
      params.push(opts.until);
      where += ` AND occurred_at <= $${params.length}`;
    }
    if (opts.types !== undefined) {
      params.push(opts.types);
      where += ` AND type = ANY($${params.length}::text[])`;
    }
    const rows = await (opts.manager ?? this.dataSource.manager)
      .query(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY version`, params)
      .catch((err: unknown) => Promise.reject(unavailableOr(err)));
    return rows.map(rowToEvent);
  }

  /** Whole streams, one query for all: one array of events per stream id, in version order. */
  private async readStreams(streamIds: string[]): Promise<StoredEvent[][]> {
    const rows = await this.prepared(
      'newsroom_read_streams',
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, version`,
      [[...new Set(streamIds)]],
    );
    const events: StoredEvent[] = rows.map(rowToEvent);
    return streamIds.map((id) => events.filter((e) => e.streamId === id));
  }

  /** A concurrent append that took the same version makes the unique (stream, version) constraint throw. */
  async append(
    streamId: string,
    head: StreamHead,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    opts: AppendOptions & InTransaction = {},
  ): Promise<StoredEvent[]> {
    const [appended] = await this.appendToStreams([{ streamId, head, events }], metadata, occurredAt, opts);
    return appended;
  }

  async appendToStreams(
    parts: StreamAppend[],
    metadata: EventMetadata,
    occurredAt: string,
    opts: AppendOptions & InTransaction = {},
  ): Promise<StoredEvent[][]> {
    const chained = parts.flatMap((p) => chainAfter(p.head, p.streamId, p.events, metadata, occurredAt));
    if (chained.length === 0 && !opts.remember) return parts.map(() => []);
    const append = { parts, chained, metadata, occurredAt, opts };
    // A caller's own transaction cannot be shared with other appends.
    const stored =
      opts.manager || !this.group
        ? await this.appendAlone(append, opts.manager ?? this.dataSource.manager)
        : await this.group.append(append);
    // Committed now (unless the caller's transaction commits later): the relay may send them.
    if (!opts.manager && opts.publish !== false && chained.length > 0) outboxWakeupsOf(this.dataSource).poke();
    return stored;
  }

  private async appendAlone(
    { parts, chained, metadata, occurredAt, opts }: ChainedAppend,
    manager: EntityManager,
  ): Promise<StoredEvent[][]> {
    const values: unknown[] = [];
    const placeholders = (...row: unknown[]) => `(${row.map((v) => `$${values.push(v)}`).join(', ')})`;
    const tuples = chained.map((e) =>
      placeholders(
        e.eventId,
        e.streamId,
        e.version,
        e.type,
        e.schemaVersion,
        JSON.stringify(e.data),
        JSON.stringify(metadata),
        occurredAt,
        e.prevHash,
        e.hash,
      ),
    );
    const { key, answer } = opts.remember ?? {};
    const remember = key
      ? `remembered AS (INSERT INTO idempotency_keys (actor_id, key, request_hash, answer)
           VALUES ${placeholders(key.actorId, key.key, key.requestHash, JSON.stringify(answer))})`
      : '';
    // The keys of encrypted fields go in with the events (their parameters only where the statement uses them).
    const sealed = () => {
      const keys = opts.fieldKeys ?? [];
      if (keys.length === 0) return '';
      const columns = [
        `$${values.push(keys.map((k) => k.kid))}::text[]`,
        `$${values.push(keys.map((k) => k.streamId))}::text[]`,
        `$${values.push(keys.map((k) => k.masterKeyId))}::text[]`,
        `$${values.push(keys.map((k) => k.wrapped))}::bytea[]`,
      ];
      return `, sealed AS (INSERT INTO field_keys (kid, stream_id, master_key_id, wrapped)
        SELECT * FROM unnest(${columns.join(', ')}))`;
    };
    try {
      if (tuples.length === 0) {
        if (remember) await manager.query(`WITH ${remember} SELECT 1`, values);
        return parts.map(() => []);
      }
      // One statement, so one transaction: the events of every stream, their outbox rows, the
      // idempotency record and the keys of encrypted fields. Outbox rows follow (stream, version)
      // order within each stream.
      const rows = await manager.query(
        `WITH appended AS (
           INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at,
                               prev_hash, hash)
           VALUES ${tuples.join(', ')} RETURNING ${EVENT_COLUMNS}
         )${opts.publish === false ? '' : QUEUED}${remember ? `, ${remember}` : ''}${sealed()}
         SELECT * FROM appended ORDER BY global_position`,
        values,
      );
      const stored: StoredEvent[] = rows.map(rowToEvent);
      return parts.map((p) => stored.filter((e) => e.streamId === p.streamId).sort((a, b) => a.version - b.version));
    } catch (err) {
      if (isUniqueViolation(err, 'events_stream_version')) {
        const taken = takenStream(err, parts);
        throw new StreamVersionTaken(taken.streamId, (taken.head?.version ?? 0) + 1);
      }
      if (key && isUniqueViolation(err, 'idempotency_keys_pkey')) throw new IdempotencyKeyTaken(key.key);
      // Sent or not, committed or not: the events' ids let the caller find out on a fresh connection.
      if (isConnectionLost(err))
        throw new AppendOutcomeUnknown(
          err,
          chained.map((e) => e.eventId),
        );
      throw err;
    }
  }

  /**
   * A named statement straight on TypeORM's pg pool: PostgreSQL parses and plans it once per
   * connection instead of on every call, and TypeORM's per-query runner is skipped. For the hot,
   * fixed statements only.
   */
  private async prepared(name: string, text: string, values: unknown[]): Promise<any[]> {
    const pool = (this.dataSource.driver as { master?: Pool }).master;
    if (!pool) return this.dataSource.query(text, values);
    return (await pool.query({ name, text, values })).rows;
  }

  /** An expired record is deleted on the way, so that the key can be recorded anew. */
  async recall(key: IdempotencyKey): Promise<RecordedAnswer | undefined> {
    const recalled = this.recalls ? this.recalls.read(key) : this.recallAll([key]).then(([answer]) => answer);
    return recalled.catch((err: unknown) => Promise.reject(unavailableOr(err)));
  }

  private async recallAll(keys: IdempotencyKey[]): Promise<Array<RecordedAnswer | undefined>> {
    const rows: Array<{ actor_id: string; key: string; request_hash: string; answer: unknown }> = await this.prepared(
      'newsroom_recall_keys',
      `WITH wanted AS (SELECT * FROM unnest($1::text[], $2::text[]) AS w(actor_id, key)),
       expired AS (
         DELETE FROM idempotency_keys i USING wanted w
         WHERE i.actor_id = w.actor_id AND i.key = w.key AND i.created_at <= now() - $3 * interval '1 millisecond'
       )
       SELECT i.actor_id, i.key, i.request_hash, i.answer
       FROM idempotency_keys i JOIN wanted w USING (actor_id, key)
       WHERE i.created_at > now() - $3 * interval '1 millisecond'`,
      [keys.map((k) => k.actorId), keys.map((k) => k.key), this.idempotencyTtlMs],
    );
    return keys.map((k) => {
      const row = rows.find((r) => r.actor_id === k.actorId && r.key === k.key);
      return row ? { requestHash: row.request_hash, answer: row.answer } : undefined;
    });
  }

  async purgeExpiredKeys(): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at <= now() - $1 * interval '1 millisecond'`,
      [this.idempotencyTtlMs],
    );
    return Number(deleted ?? 0);
  }
}
