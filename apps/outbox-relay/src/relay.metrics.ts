import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The relay's Prometheus metrics, in a registry per relay so two relays in one process stay apart. */
export class RelayMetrics {
  readonly registry = new Registry();

  readonly backlog = new Gauge({
    name: 'newsroom_outbox_backlog',
    help: 'Rows waiting in the outbox (refreshed about every second)',
    registers: [this.registry],
  });

  readonly publishLatency = new Histogram({
    name: 'newsroom_outbox_publish_latency_seconds',
    help: 'From the outbox row being written (its transaction start) to Kafka acknowledging the event',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  readonly published = new Counter({
    name: 'newsroom_outbox_published_total',
    help: 'Events acknowledged by Kafka (a redelivery after a crash counts again)',
    registers: [this.registry],
  });

  readonly leader = new Gauge({
    name: 'newsroom_relay_leader',
    help: '1 while this instance holds the relay lock, 0 on standby',
    registers: [this.registry],
  });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Records a batch Kafka acknowledged at `ackedAt` (this host's clock) against the rows' created_at
   * (the database's clock): the two are assumed in step, and a negative gap from skew counts as 0.
   */
  recordPublished(createdAt: Date[], ackedAt: number): void {
    for (const c of createdAt) this.publishLatency.observe(Math.max(0, ackedAt - c.getTime()) / 1000);
    this.published.inc(createdAt.length);
  }
}
