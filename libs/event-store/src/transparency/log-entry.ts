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
 * An event's occurredAt as rowToEvent makes it (toISOString of the driver's Date), written by
 * PostgreSQL, so that the sequencer parses no timestamp (bench:audit: the driver's timestamp parser
 * and a Date per event were a tenth of its CPU). Cut to milliseconds as the driver's Date is; NULL
 * outside years 1 to 9999, where toISOString writes a six-digit year: the caller then writes that
 * entry from the whole event. The int spec holds the leaves to logEntry's bytes on awkward instants.
 */
export const OCCURRED_AT_ISO_SQL =
  `CASE WHEN occurred_at >= timestamptz '0001-01-01 00:00:00+00' ` +
  `AND occurred_at < timestamptz '10000-01-01 00:00:00+00' ` +
  `THEN to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END`;

/**
 * logEntryText from the columns as the driver reads them, data and metadata parsed by JSON.parse
 * and occurredAt by OCCURRED_AT_ISO_SQL: the sequencer's hot path, with no StoredEvent per event.
 */
export function logEntryOfColumns(
  data: unknown,
  eventId: string,
  hash: string,
  metadata: unknown,
  occurredAt: string,
  prevHash: string,
  schemaVersion: number,
  streamId: string,
  type: string,
  version: number,
): string {
  const s = JSON.stringify;
  return (
    `{"data":${canonicalParsedJson(data)},"eventId":${s(eventId)},"hash":${s(hash)},` +
    `"metadata":${canonicalParsedJson(metadata)},"occurredAt":${s(occurredAt)},"prevHash":${s(prevHash)},` +
    `"schemaVersion":${s(schemaVersion)},"streamId":${s(streamId)},"type":${s(type)},"version":${s(version)}}`
  );
}
