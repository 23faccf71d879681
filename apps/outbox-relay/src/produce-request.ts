import type { OutboxRow } from '@newsroom/event-store';
import { encodeEnvelope, OutgoingMessage } from '@newsroom/messaging';
import { NotAnArticleStream, toEnvelope } from './outbox-envelope';

export interface ProduceRequest {
  messages: OutgoingMessage[];
  /** created_at of each message's outbox row, for the publish latency. */
  createdAt: Date[];
  /** How many of the rows, from the first, this request accounts for (sent or unusable). */
  taken: number;
  /** Rows of streams that are not articles: deleted unsent, reported, never blocking the others. */
  unusable: Array<{ row: OutboxRow; reason: string }>;
}

/**
 * The longest prefix of `rows` whose messages fit `maxBytes`, and at least one message. The broker
 * refuses a partition's batch over its message.max.bytes (1 MiB by default) on every retry, so a
 * few large articles landing on one partition must go in separate requests.
 */
export function nextRequest(rows: OutboxRow[], maxBytes: number): ProduceRequest {
  const request: ProduceRequest = { messages: [], createdAt: [], taken: 0, unusable: [] };
  let bytes = 0;
  for (const row of rows) {
    let message: OutgoingMessage;
    try {
      message = encodeEnvelope(toEnvelope(row));
    } catch (err) {
      if (!(err instanceof NotAnArticleStream)) throw err;
      request.unusable.push({ row, reason: err.message });
      request.taken += 1;
      continue;
    }
    const size = Buffer.byteLength(message.value) + Buffer.byteLength(message.key);
    if (request.messages.length > 0 && bytes + size > maxBytes) break;
    request.messages.push(message);
    request.createdAt.push(row.created_at);
    bytes += size;
    request.taken += 1;
  }
  return request;
}
