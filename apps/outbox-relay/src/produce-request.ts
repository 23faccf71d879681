import type { OutboxRow } from '@newsroom/event-store';
import { encodeEnvelope, OutgoingMessage } from '@newsroom/messaging';
import { toEnvelope } from './outbox-envelope';

export interface ProduceRequest {
  /** Each message with the topic of its stream's type. */
  messages: Array<OutgoingMessage & { topic: string }>;
  /** created_at of each message's outbox row, for the publish latency. */
  createdAt: Date[];
  /** How many of the rows, from the first, this request accounts for: every one of them is sent. */
  taken: number;
}

/**
 * The longest prefix of `rows` whose messages fit `maxBytes`, and at least one message. The broker
 * refuses a partition's batch over its message.max.bytes (1 MiB by default) on every retry, so a
 * few large articles landing on one partition must go in separate requests. `topicOf` maps a
 * stream type to its topic; the rows were read for those types only.
 */
export function nextRequest(
  rows: OutboxRow[],
  maxBytes: number,
  topicOf: Readonly<Record<string, string>>,
): ProduceRequest {
  const request: ProduceRequest = { messages: [], createdAt: [], taken: 0 };
  let bytes = 0;
  for (const row of rows) {
    const envelope = toEnvelope(row);
    const topic = topicOf[envelope.streamType];
    // The outbox read asked for these types only: anything else is a bug, not a row to drop.
    if (!topic) throw new Error(`outbox row ${row.id}: no topic for stream type ${envelope.streamType}`);
    const message = { ...encodeEnvelope(envelope), topic };
    const size = Buffer.byteLength(message.value) + Buffer.byteLength(message.key);
    if (request.messages.length > 0 && bytes + size > maxBytes) break;
    request.messages.push(message);
    request.createdAt.push(row.created_at);
    bytes += size;
    request.taken += 1;
  }
  return request;
}
