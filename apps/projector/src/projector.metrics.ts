import type { Consumer, Kafka } from 'kafkajs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { projectionStatuses, registerReadModelGauges, type ReadModelName } from '@newsroom/read-models';

/** The projector's Prometheus metrics: its consumers' batches and rebalances, its read models' lag. */
export class ProjectorMetrics {
  readonly registry = new Registry();

  private readonly batchSize = new Histogram({
    name: 'newsroom_projector_batch_size',
    help: 'Messages per batch a consumer group applied',
    labelNames: ['read_model'],
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });

  private readonly batchDuration = new Histogram({
    name: 'newsroom_projector_batch_duration_seconds',
    help: 'Time to apply one batch, its transaction included',
    labelNames: ['read_model'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly offsetLag = new Gauge({
    name: 'newsroom_projector_offset_lag',
    help: "Messages on the partition after the consumer's last batch (Kafka's view of the lag)",
    labelNames: ['read_model', 'partition'],
    registers: [this.registry],
  });

  private readonly rebalances = new Counter({
    name: 'newsroom_projector_rebalances_total',
    help: 'Times the consumer (re)joined its group: each is a rebalance it took part in',
    labelNames: ['read_model'],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource, readModels: readonly ReadModelName[]) {
    collectDefaultMetrics({ register: this.registry });
    registerReadModelGauges(this.registry, () => projectionStatuses(dataSource), readModels);
  }

  /**
   * The runner creates its consumer from the Kafka it is handed: this one hands each consumer it
   * makes to the metrics first, so the runner itself stays free of them.
   */
  instrument(kafka: Kafka, readModel: ReadModelName): Kafka {
    const instrumented = Object.create(kafka) as Kafka;
    instrumented.consumer = (config) => this.watch(kafka.consumer(config), readModel);
    return instrumented;
  }

  private watch(consumer: Consumer, readModel: ReadModelName): Consumer {
    const labels = { read_model: readModel };
    this.rebalances.inc(labels, 0);
    consumer.on(consumer.events.GROUP_JOIN, () => this.rebalances.inc(labels));
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.batchSize.observe(labels, payload.batchSize);
      this.batchDuration.observe(labels, payload.duration / 1000);
      this.offsetLag.set({ ...labels, partition: String(payload.partition) }, Number(payload.offsetLag));
    });
    return consumer;
  }
}
