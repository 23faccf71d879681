import { canonicalJson } from '../hash-chain';
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
