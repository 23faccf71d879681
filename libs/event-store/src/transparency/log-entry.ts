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
