import type { Logger } from 'pino';
import { OutboxTable, OutboxWakeupListener, type OutboxRow } from '@newsroom/event-store';
import { streamTopics } from '@newsroom/messaging';
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
  /** The topic of each stream type the relay sends; rows of other types are left in the outbox. */
  private readonly topics: Readonly<Record<string, string>>;
  private readonly streamTypes: readonly string[];
  private reportedOutside = 0;
  private current: RelayRole = 'starting';
  private stopping = false;
  private loop: Promise<void> | null = null;
  private stopped: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Outbox reads in a row that found nothing. */
  private emptyPolls = 0;
  /** A writer committed since the last outbox read: the next idle wait ends at once. */
  private wakeRequested = false;
  private idleWaiting = false;
  private readonly wakeups: OutboxWakeupListener;
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
    this.wakeups = new OutboxWakeupListener({
      url: settings.databaseUrl,
      schema: settings.databaseSchema,
      applicationName: 'outbox-relay',
      onWake: () => {
        this.wakeRequested = true;
        if (this.idleWaiting) this.wake?.();
      },
    });
    this.topics = streamTopics(settings.topicPrefix);
    this.streamTypes = Object.keys(this.topics);
  }

  get role(): RelayRole {
    return this.current;
  }

  /** Listening for writers' wake-ups (false while its session is down: then it polls every 10 ms). */
  get hearsWakeups(): boolean {
    return this.wakeups.listening;
  }

  /** How many listening sessions it has opened (one more after each lost one). */
  get wakeupSessions(): number {
    return this.wakeups.sessions;
  }

  /** In its long idle wait, which only a wake-up, a stop or idleMaxPollMs ends. */
  get asleep(): boolean {
    return this.idleWaiting;
  }

  start(): void {
    if (!this.loop) this.wakeups.start();
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
    await this.wakeups.stop();
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
      if (waitMs > 0 && !this.stopping) await this.pause(waitMs, this.emptyPolls > 0);
    }
  }

  /** One step; returns how long to wait before the next (0 when a full batch suggests more). */
  private async tick(): Promise<number> {
    if (Date.now() - this.backlogRefreshedAt >= BACKLOG_REFRESH_MS) {
      this.metrics.backlog.set(await this.outbox.backlog());
      await this.reportRowsOutside();
      this.backlogRefreshedAt = Date.now();
    }
    if (!this.lock.held) {
      if (Date.now() < this.lockRetryAt) return this.lockRetryAt - Date.now();
      const won = await this.lock.tryAcquire();
      this.become(won ? 'leader' : 'standby');
      if (!won) return this.settings.lockRetryMs;
    }
    this.wakeRequested = false;
    const rows = await this.outbox.oldest(this.settings.batchSize, this.streamTypes);
    if (rows.length === 0) return this.idleWait();
    this.emptyPolls = 0;
    const taken = await this.publish(rows);
    return taken < rows.length || rows.length === this.settings.batchSize ? 0 : this.settings.idlePollMs;
  }

  /** Sends the longest prefix of `rows` that fits one request, deletes it, and returns its length. */
  private async publish(rows: OutboxRow[]): Promise<number> {
    const request = nextRequest(rows, this.settings.maxRequestBytes, this.topics);
    // Proves the lock session is alive right before sending, so a leader cut off from
    // PostgreSQL stops instead of racing the standby that took over.
    await this.lock.confirm();
    await this.publisher.send(request.messages);
    const ackedAt = Date.now();
    await this.outbox.remove(rows.slice(0, request.taken).map((r) => r.id));
    this.metrics.recordPublished(request.createdAt, ackedAt);
    return request.taken;
  }

  /**
   * Rows of a stream type no topic is named for (a stream appended for publishing by mistake) are
   * never sent and never deleted: an error in the log, once per change of their number, tells
   * the operators, and the rows are still there when the type gets its topic.
   */
  private async reportRowsOutside(): Promise<void> {
    const outside = await this.outbox.waitingOutside(this.streamTypes);
    if (outside !== this.reportedOutside && outside > 0)
      this.log.error(
        { rows: outside, relayed: this.streamTypes },
        'outbox rows of streams no topic is named for wait unsent',
      );
    this.reportedOutside = outside;
  }

  /**
   * After an empty read: idleMaxPollMs while wake-ups are heard (the safety net for one that never
   * came), 10 ms while they cannot be (the listener's session is down).
   */
  private idleWait(): number {
    this.emptyPolls += 1;
    return this.wakeups.listening ? this.settings.idleMaxPollMs : this.settings.idlePollMs;
  }

  private become(role: RelayRole): void {
    if (role === this.current) return;
    this.log.info({ from: this.current, to: role }, `relay is ${role}`);
    this.current = role;
    this.metrics.leader.set(role === 'leader' ? 1 : 0);
  }

  /** Waits `ms`; a stop ends it early, and so does a writer's wake-up when `idle`. */
  private pause(ms: number, idle: boolean): Promise<void> {
    if (idle && this.wakeRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.idleWaiting = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
      this.idleWaiting = idle;
    });
  }
}
