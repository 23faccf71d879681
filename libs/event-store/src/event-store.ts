import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { eventHash, GENESIS_HASH } from './hash-chain';
import {
  EventMetadata,
  IdempotencyRecord,
  NewEvent,
  StoredEvent,
  StoredResponse,
  VerifyResult,
} from './event-store.types';

const SELECT_COLUMNS = `global_position, event_id, stream_id, version, type, schema_version, data, metadata,
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

/**
 * The PostgreSQL event store: append-only streams with a per-stream hash chain.
 * Every append writes its events and one outbox row per event in the caller's transaction.
 */
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  async readStream(
    streamId: string,
    opts: { toVersion?: number; until?: Date; manager?: EntityManager } = {},
  ): Promise<StoredEvent[]> {
    const params: unknown[] = [streamId];
    let where = 'stream_id = $1';
    if (opts.toVersion !== undefined) {
      params.push(opts.toVersion);
      where += ` AND version <= $${params.length}`;
    }
    if (opts.until !== undefined) {
      params.push(opts.until);
      where += ` AND occurred_at <= $${params.length}`;
    }
    const rows = await (opts.manager ?? this.dataSource.manager).query(
      `SELECT ${SELECT_COLUMNS} FROM events WHERE ${where} ORDER BY version`,
      params,
    );
    return rows.map(rowToEvent);
  }

  /**
   * Appends after `head` (the last stored event, or null for a new stream). A concurrent append
   * that took the same version makes the unique (stream, version) constraint throw.
   */
  async append(
    manager: EntityManager,
    streamId: string,
    head: { version: number; hash: string } | null,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    idempotency?: IdempotencyRecord & StoredResponse,
  ): Promise<StoredEvent[]> {
    let prevHash = head?.hash ?? GENESIS_HASH;
    let version = head?.version ?? 0;
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const e of events) {
      version += 1;
      const fields = {
        eventId: randomUUID(),
        streamId,
        version,
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: e.data,
        metadata,
        occurredAt,
      };
      const hash = eventHash(prevHash, fields);
      const n = values.length;
      tuples.push(
        `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}, $${n + 10})`,
      );
      values.push(
        fields.eventId,
        streamId,
        version,
        e.type,
        fields.schemaVersion,
        JSON.stringify(e.data),
        JSON.stringify(metadata),
        occurredAt,
        prevHash,
        hash,
      );
      prevHash = hash;
    }
    const remember = idempotency
      ? `, remembered AS (INSERT INTO idempotency_keys (actor_id, key, request_hash, status_code, response)
           VALUES ($${values.push(idempotency.actorId)}, $${values.push(idempotency.key)}, $${values.push(idempotency.requestHash)},
                   $${values.push(idempotency.statusCode)}, $${values.push(JSON.stringify(idempotency.body))}))`
      : '';
    if (tuples.length === 0) {
      if (remember) await manager.query(`WITH ${remember.slice(2)} SELECT 1`, values);
      return [];
    }
    // One statement, so one transaction: the events, their outbox rows and the idempotency record.
    const rows = await manager.query(
      `WITH appended AS (
         INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
         VALUES ${tuples.join(', ')} RETURNING ${SELECT_COLUMNS}
       ), queued AS (
         INSERT INTO outbox (global_position, stream_id) SELECT global_position, stream_id FROM appended ORDER BY version
       )${remember}
       SELECT * FROM appended ORDER BY version`,
      values,
    );
    const stored: StoredEvent[] = rows.map(rowToEvent);
    return stored;
  }

  /** Recomputes the stream's hash chain from the first event. */
  async verify(streamId: string): Promise<VerifyResult> {
    const events = await this.readStream(streamId);
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const expectedVersion = i + 1;
      if (e.version !== expectedVersion) {
        return {
          valid: false,
          events: events.length,
          brokenAt: expectedVersion,
          reason: `version ${expectedVersion} is missing`,
        };
      }
      if (e.prevHash !== prevHash) {
        return {
          valid: false,
          events: events.length,
          brokenAt: e.version,
          reason: 'prev_hash does not match the previous event',
        };
      }
      if (eventHash(prevHash, e) !== e.hash) {
        return {
          valid: false,
          events: events.length,
          brokenAt: e.version,
          reason: 'event content does not match its hash',
        };
      }
      prevHash = e.hash;
    }
    return { valid: true, events: events.length, headHash: prevHash };
  }
}
