import type { Logger } from 'pino';
import { OutboxTable, type OutboxRow } from '@newsroom/event-store';
import { topicNames } from '@newsroom/messaging';
import { KafkaPublisher } from './kafka.publisher';
import { LeaderLock } from './leader.lock';
import { nextRequest } from './produce-request';
import { RelayMetrics } from './relay.metrics';
import { RelaySettings } from './relay.settings';

export type RelayRole = 'starting' | 'standby' | 'leader' | 'stopped';

const BACKLOG_REFRESH_MS = 1000;

/**
 * Sends committed outbox rows to Kafka in outbox-id order, then deletes them. At-least-once: a
 * relay that dies between Kafka's acknowledgement and the DELETE sends those rows again after a
 * restart or failover, so consumers skip what they already applied by article version.
 */
export class OutboxRelay {
  readonly metrics: RelayMetrics;
  private readonly outbox: OutboxTable;
  private readonly lock: LeaderLock;
  private readonly publisher: KafkaPublisher;
  private readonly topic: string;
  private current: RelayRole = 'starting';
  private stopping = false;
  private loop: Promise<void> | null = null;
  private stopped: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  private backlogRefreshedAt = 0;
  private lockRetryAt = 0;

  constructor(
    private readonly settings: RelaySettings,
    private readonly log: Logger,
    metrics = new RelayMetrics(),
  ) {
    this.metrics = metrics;
    this.outbox = new OutboxTable(settings.databaseUrl, settings.databaseSchema);
    this.publisher = new KafkaPublisher(settings.brokers, settings.clientId, settings.kafkaSecurity);
    this.lock = new LeaderLock(settings.databaseUrl, settings.databaseSchema, settings.instanceId, (reason) => {
      // Our session failed, not the standby's: give it two of its retry periods to take over first.
      this.lockRetryAt = Date.now() + 2 * settings.lockRetryMs;
      this.log.warn({ reason }, 'lost the relay lock; standing by');
      this.become('standby');
    });
    this.topic = topicNames(settings.topicPrefix).articleEvents;
  }

  get role(): RelayRole {
    return this.current;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets the batch in flight finish, then releases the lock so a standby takes over at once. */
  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.lock.release();
    await this.publisher.disconnect();
    await this.outbox.close();
    this.become('stopped');
  }

  /** Healthy while leading or standing by with the database answering. */
  async health(): Promise<void> {
    if (this.current !== 'leader' && this.current !== 'standby') throw new Error(`relay is ${this.current}`);
    await this.outbox.ping();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let waitMs: number;
      try {
        waitMs = await this.tick();
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        waitMs = Math.min(this.settings.maxBackoffMs, 100 * 2 ** (this.failures - 1));
        this.log.warn(
          { err, attempt: this.failures, retryInMs: waitMs, role: this.current },
          'relay step failed; retrying',
        );
      }
      if (waitMs > 0 && !this.stopping) await this.pause(waitMs);
    }
  }

  /** One step; returns how long to wait before the next (0 when a full batch suggests more). */
  private async tick(): Promise<number> {
    if (Date.now() - this.backlogRefreshedAt >= BACKLOG_REFRESH_MS) {
      this.metrics.backlog.set(await this.outbox.backlog());
      this.backlogRefreshedAt = Date.now();
    }
    if (!this.lock.held) {
      if (Date.now() < this.lockRetryAt) return this.lockRetryAt - Date.now();
      const won = await this.lock.tryAcquire();
      this.become(won ? 'leader' : 'standby');
      if (!won) return this.settings.lockRetryMs;
    }
    const rows = await this.outbox.oldest(this.settings.batchSize);
    if (rows.length === 0) return this.settings.idlePollMs;
    const taken = await this.publish(rows);
    return taken < rows.length || rows.length === this.settings.batchSize ? 0 : this.settings.idlePollMs;
  }

  /** Sends the longest prefix of `rows` that fits one request, deletes it, and returns its length. */
  private async publish(rows: OutboxRow[]): Promise<number> {
    const request = nextRequest(rows, this.settings.maxRequestBytes);
    for (const { row, reason } of request.unusable) this.log.error({ outboxId: row.id, eventId: row.event_id }, reason);
    // Proves the lock session is alive right before sending, so a leader cut off from
    // PostgreSQL stops instead of racing the standby that took over.
    await this.lock.confirm();
    if (request.messages.length > 0) await this.publisher.send(this.topic, request.messages);
    const ackedAt = Date.now();
    await this.outbox.remove(rows.slice(0, request.taken).map((r) => r.id));
    this.metrics.recordPublished(request.createdAt, ackedAt);
    return request.taken;
  }

  private become(role: RelayRole): void {
    if (role === this.current) return;
    this.log.info({ from: this.current, to: role }, `relay is ${role}`);
    this.current = role;
    this.metrics.leader.set(role === 'leader' ? 1 : 0);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
