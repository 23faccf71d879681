import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { createKafka, type KafkaSecurity, type OutgoingMessage } from '@newsroom/messaging';

const DISCONNECT_TIMEOUT_MS = 3000;
const SHORT_RETRY = { initialRetryTime: 100, retries: 3, maxRetryTime: 1000 };

/**
 * An idempotent producer that is thrown away after any failure and rebuilt on the next send:
 * a kafkajs producer that lived through a broker restart can keep a stale producer id or
 * connection, and a fresh one costs one InitProducerId round trip.
 */
export class KafkaPublisher {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;

  constructor(brokers: string[], clientId: string, security: KafkaSecurity = {}) {
    // Short retries: the default ones (up to 8, 5 s apart) would hold one batch for half a minute
    // while the broker is down, hiding the outage from the relay's own, logged, back-off.
    this.kafka = createKafka({ clientId, brokers, ...security, logLevel: logLevel.NOTHING, retry: SHORT_RETRY });
  }

  /**
   * Sends the batch as one request, each message to its own topic, and resolves once every message
   * is acknowledged by all in-sync replicas.
   */
  async send(messages: Array<OutgoingMessage & { topic: string }>): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { topic, ...message } of messages) {
      if (!byTopic.has(topic)) byTopic.set(topic, []);
      byTopic.get(topic)!.push(message);
    }
    try {
      const producer = await this.connected();
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, m]) => ({ topic, messages: m })) });
    } catch (err) {
      await this.disconnect();
      throw err;
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    if (!producer) return;
    // A producer whose broker vanished can take its time to say goodbye; do not wait on it.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISCONNECT_TIMEOUT_MS)));
    await Promise.race([producer.disconnect().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: SHORT_RETRY,
    });
    this.producer = producer;
    await producer.connect();
    return producer;
  }
}
