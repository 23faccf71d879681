import { canonicalJson, canonicalParsedJson } from '../hash-chain';
import type { StoredEvent } from '../event-store.types';

/**
 * The bytes a leaf commits to: the event's RFC 8785 canonical JSON with its link in the stream's
 * hash chain (prevHash, hash). Not its global position: that is the store's, and the leaf index
 * is the log's own position.
 */
export function logEntry(e: Omit<StoredEvent, 'globalPosition'>): Buffer {
  return Buffer.from(
    canonicalJson({
      eventId: e.eventId,
      streamId: e.streamId,
      version: e.version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      occurredAt: e.occurredAt,
      prevHash: e.prevHash,
      hash: e.hash,
    }),
    'utf8',
  );
}

/**
 * logEntry's canonical JSON as text, its members written out in RFC 8785's key order rather than
 * sorted per event: the sequencer's hot path over a replay (the spec holds it to logEntry's bytes).
 */
export function logEntryText(e: Omit<StoredEvent, 'globalPosition'>): string {
  if (e.data === undefined || e.metadata === undefined) return logEntry(e).toString('utf8');
  const s = JSON.stringify;
  return (
    `{"data":${canonicalJson(e.data)},"eventId":${s(e.eventId)},"hash":${s(e.hash)},` +
    `"metadata":${canonicalJson(e.metadata)},"occurredAt":${s(e.occurredAt)},"prevHash":${s(e.prevHash)},` +
    `"schemaVersion":${s(e.schemaVersion)},"streamId":${s(e.streamId)},"type":${s(e.type)},"version":${s(e.version)}}`
  );
}

/**
 * logEntryText's members but data and metadata, written out by PostgreSQL from an `events` row:
 * `middle` goes between data and metadata, `tail` after metadata. The sequencer then parses and
 * canonicalises only the two JSON documents (bench:audit: a fifth of its CPU went to the pg driver's
 * parsing of the other columns, its timestamp parser and building StoredEvents). to_json escapes
 * strings as JSON.stringify does (the same short escapes, \u00XX in lower case below U+0020, nothing
 * else), and keeps char(64)'s padding as the driver does. The instant is cut to milliseconds as the
 * driver's Date is; outside years 1 to 9999 toISOString writes a six-digit year, so `tail` is NULL
 * there and the caller writes such an entry from the whole event. The int spec holds both pieces to
 * logEntry's bytes on awkward rows.
 */
export const LOG_ENTRY_SQL = {
  middle: `',"eventId":' || to_json(event_id) || ',"hash":' || to_json(hash) || ',"metadata":'`,
  tail:
    `',"occurredAt":"' || CASE WHEN occurred_at >= timestamptz '0001-01-01 00:00:00+00' ` +
    `AND occurred_at < timestamptz '10000-01-01 00:00:00+00' ` +
    `THEN to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END || ` +
    `'","prevHash":' || to_json(prev_hash) || ',"schemaVersion":' || schema_version || ` +
    `',"streamId":' || to_json(stream_id) || ',"type":' || to_json(type) || ',"version":' || version || '}'`,
};

/** logEntryText from the data and metadata as JSON.parse made them and LOG_ENTRY_SQL's two pieces. */
export function logEntryOfParts(data: unknown, middle: string, metadata: unknown, tail: string): string {
  return `{"data":${canonicalParsedJson(data)}${middle}${canonicalParsedJson(metadata)}${tail}`;
}
