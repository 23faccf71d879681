import 'reflect-metadata';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { redactableFields } from '@newsroom/editorial-domain';
import { dataSourceOptions, FieldCodec, loadMasterKey, PostgresFieldKeyStore } from '@newsroom/event-store';
import { databaseConnectionOf } from '@newsroom/settings';
import { createKafka, ensureTopicsWithRetry, kafkaSettingsOf } from '@newsroom/messaging';
import type { ProjectorConfig } from './projector.config';
import { ProjectorMetrics } from './projector.metrics';
import {
  CONSUMER_RETRY,
  decryptingProvenance,
  ensureRunnerTables,
  openedHistory,
  startProjectionConsumer,
  type RunnerLog,
  type RunningConsumer,
} from '@newsroom/read-models';

export interface Projector {
  consumers: RunningConsumer[];
  metrics: ProjectorMetrics;
  /** Lets each consumer finish and commit its batch in flight, then disconnects everything. */
  stop(): Promise<void>;
}

/** Connects to PostgreSQL and Kafka, makes sure of the topics and starts one consumer group per read model. */
export async function startProjector(
  config: ProjectorConfig,
  log: RunnerLog,
  onFatal: (err: Error) => void,
): Promise<Projector> {
  const { env, readModels } = config;
  // Before any connection: a missing key in production is a refusal to start, not a retry.
  const masterKey = loadMasterKey(config.masterKey, (m) => log.warn({}, m));
  const dataSource = new DataSource(
    dataSourceOptions({
      url: databaseConnectionOf(env, 'projector').url,
      schema: env.DATABASE_SCHEMA,
      poolSize: Math.max(env.DATABASE_POOL_SIZE, readModels.length + 2),
      applicationName: 'projector',
    }),
  );
  await dataSource.initialize();
  // Every read model projects plaintext: messages carry fields as stored (ciphertext), opened per batch.
  const codec = new FieldCodec({ keys: new PostgresFieldKeyStore(dataSource), masterKey, redactableFields });
  const provenance = decryptingProvenance(codec);
  // A redaction's consumer reads the article's history again, its destroyed keys forgotten first.
  const history = openedHistory(codec);
  const metrics = new ProjectorMetrics(dataSource, readModels);
  let producer: Producer | undefined;
  const consumers: RunningConsumer[] = [];
  const stop = async () => {
    await Promise.allSettled(consumers.map((c) => c.stop()));
    await producer?.disconnect().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
  };
  try {
    await ensureRunnerTables(dataSource);
    // The consumers' short retries also for the client: its connections reconnect with the client's.
    const kafka = createKafka({ ...kafkaSettingsOf(env, 'projector'), retry: CONSUMER_RETRY });
    await ensureTopicsWithRetry(kafka, env.KAFKA_TOPIC_PREFIX, (err, retryInMs) =>
      log.warn({ err: err.message, retryInMs }, 'cannot ensure the Kafka topics yet'),
    );
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (const readModel of readModels) {
      consumers.push(
        await startProjectionConsumer({
          kafka: metrics.instrument(kafka, readModel),
          dataSource,
          producer,
          readModel,
          provenance,
          history,
          fetchMinBytes: readModel === 'article_state' ? 1 : config.fetchMinBytes,
          prefix: env.KAFKA_TOPIC_PREFIX,
          log,
          onFatal,
        }),
      );
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { consumers, metrics, stop };
}
