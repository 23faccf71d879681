import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { applyItems } from './apply-events';
import { lockAndFindHeldBack } from '../tables/dead-letters.table';
import { recordBatch } from '../tables/projection-status.table';
import { deadLetter } from './dead-letters';
import { itemOf } from './kafka-items';
import { liveTables, type ReadModelName } from './projection';
import { confirmedByEventStore, type Provenance } from './provenance';
import type { StreamHistory } from './event-source';
import { PROJECTIONS } from './read-model.writers';
import { isDataError } from './runner.errors';
import { reopenWhileBrokerAway } from './consumer-reopen';
import {
  BROKER_DEFAULT_MINIMUM,
  CONSUMER_RETRY,
  FAST_TAKEOVER,
  groupTimeoutsFor,
  isBrokerAway,
  isSessionTimeoutRefused,
} from './group-timeouts';

export interface RunnerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
const silent: RunnerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ProjectionConsumerSettings {
  kafka: Kafka;
  dataSource: DataSource;
  /** Sends dead letters to the DLQ topic; shared by the consumers of one process. */
  producer: Producer;
  readModel: ReadModelName;
  /** KAFKA_TOPIC_PREFIX: prefixes the topics and the consumer group. */
  prefix?: string;
  log?: RunnerLog;
  /** Called when kafkajs gives up on the consumer; the process should exit and be restarted. */
  onFatal?: (err: Error) => void;
  /**
   * How long the broker waits for a silent member before giving its partitions to another: also how
   * long a restarted projector waits after a crash. A batch (one short transaction) must fit in it.
   * 2 s by default (FAST_TAKEOVER); 6 s when the broker refuses that.
   */
  sessionTimeoutMs?: number;
  /**
   * Bytes the broker gathers, for at most an idle fetch's wait, before answering a fetch: more events
   * per batch (one transaction each) at the price of that wait. 1 (the default) answers at once.
   */
  fetchMinBytes?: number;
  /**
   * How delivered events are confirmed as stored: against the event store, by default and in every
   * app. Only specs of the apply step's own failure modes, whose messages are made up, pass another.
   */
  provenance?: Provenance;
  /**
   * Where a stream's earlier events are read when a redaction rewrites its history (issue #12):
   * `openedHistory(codec)` with the codec of `decryptingProvenance`. By default as stored.
   */
  history?: StreamHistory;
}

export interface RunningConsumer {
  readModel: ReadModelName;
  groupId: string;
  /** Finishes the batch in flight (its offsets committed), then leaves the group. */
  stop(): Promise<void>;
}

/** Attempts per batch before kafkajs takes over (it backs off and restarts the consumer). */
const MAX_ATTEMPTS = 3;

/** Starts consumer group `projector.<read model>` on its aggregate's topic, from the beginning. */
export async function startProjectionConsumer(s: ProjectionConsumerSettings): Promise<RunningConsumer> {
  const prefix = s.prefix ?? '';
  const topics = PROJECTIONS[s.readModel].source.topics(prefix);
  const groupId = `${prefix}projector.${s.readModel}`;
  const log = s.log ?? silent;
  let timeouts = s.sessionTimeoutMs === undefined ? FAST_TAKEOVER : groupTimeoutsFor(s.sessionTimeoutMs);
  let consumer: Consumer | null = null;
  let stopping = false;
  const open = async (): Promise<void> => {
    const current = s.kafka.consumer({ groupId, ...timeouts, minBytes: s.fetchMinBytes ?? 1, retry: CONSUMER_RETRY });
    consumer = current;
    current.on(current.events.CRASH, ({ payload }) => {
      log.error({ groupId, err: payload.error.message, restart: payload.restart }, 'consumer crashed');
      if (payload.restart || stopping || consumer !== current) return;
      // A broker with Kafka's default group.min.session.timeout.ms refuses 2 s: slower takeover, not an outage.
      if (isSessionTimeoutRefused(payload.error) && timeouts.sessionTimeout < BROKER_DEFAULT_MINIMUM.sessionTimeout) {
        log.warn(
          { groupId, refused: timeouts.sessionTimeout, using: BROKER_DEFAULT_MINIMUM.sessionTimeout },
          'the broker refuses this session timeout (group.min.session.timeout.ms); takeovers will be slower',
        );
        timeouts = BROKER_DEFAULT_MINIMUM;
        open().catch((err: Error) => s.onFatal?.(err));
        return;
      }
      // kafkajs gives up for good when the broker has no group coordinator yet (it is restarting):
      // open the consumer again shortly rather than stop the process with the others still running.
      if (isBrokerAway(payload.error)) {
        // Each attempt opens a new consumer; the attempts go on while the newest is the one wanted.
        let newest: Consumer | null = current;
        reopenWhileBrokerAway({
          open: () => {
            const opening = open();
            newest = consumer;
            return opening;
          },
          wanted: () => !stopping && consumer === newest,
          onFatal: s.onFatal,
          onRetry: (err, attempt, retryInMs) =>
            log.warn({ groupId, err: err.message, attempt, retryInMs }, 'the broker is still away; reopening later'),
        });
        return;
      }
      s.onFatal?.(payload.error);
    });
    try {
      await current.connect();
      await current.subscribe({ topic: topics.events, fromBeginning: true });
    } catch (err) {
      // A half-opened consumer must not linger beside the one the next attempt opens.
      await current.disconnect().catch(() => undefined);
      throw err;
    }
    await current.run({
      // Only offsets resolved after a batch's transaction committed are ever committed; committing
      // them once a second rather than per batch saves a broker round trip per batch. A crash
      // redelivers at most that second, which the version gates skip.
      autoCommit: true,
      autoCommitInterval: AUTO_COMMIT_MS,
      eachBatchAutoResolve: false,
      // Partitions hold disjoint streams (articles), so their batches can commit side by side; serially, a
      // message on the sixth partition waited for five transactions before its own.
      partitionsConsumedConcurrently: PARTITIONS_IN_PARALLEL,
      eachBatch: (payload) =>
        keepingAlive(payload, timeouts.heartbeatInterval, () => projectBatch(s, topics.dlq, log, payload)),
    });
  };
  await open();
  return {
    readModel: s.readModel,
    groupId,
    // disconnect() sends LeaveGroup: the twin takes the partitions at once, not a session later.
    stop: async () => {
      stopping = true;
      await consumer?.disconnect();
    },
  };
}

const PARTITIONS_IN_PARALLEL = 3;

/**
 * Heartbeats while a batch is applied: kafkajs heartbeats only between batches, and a batch after
 * an outage (a backlog, three partitions at once on a busy machine) can outlast a 2 s session, which
 * would expel a live member and start a rebalance per batch. A refused heartbeat (a rebalance is
 * under way) is the runner's to handle after the batch.
 */
async function keepingAlive(payload: EachBatchPayload, everyMs: number, work: () => Promise<void>): Promise<void> {
  const timer = setInterval(() => payload.heartbeat().catch(() => undefined), everyMs);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
}
const AUTO_COMMIT_MS = 1000;

async function projectBatch(
  s: ProjectionConsumerSettings,
  dlqTopic: string,
  log: RunnerLog,
  payload: EachBatchPayload,
): Promise<void> {
  const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
  if (batch.messages.length === 0) return;
  const projection = PROJECTIONS[s.readModel];
  const delivered = batch.messages.map((message) => itemOf(batch.topic, batch.partition, message, projection.source));
  const articleIds = [...new Set(delivered.flatMap((i) => (i.articleId ? [i.articleId] : [])))];
  let isolate = false;
  for (let attempt = 1; ; attempt++) {
    if (!isRunning() || isStale()) return;
    try {
      // 1. Only what the event store holds is applied: the topic is not trusted. Stored events never
      //    change, so this read needs no transaction: it runs on its own connection meanwhile.
      const confirming = (s.provenance ?? confirmedByEventStore)(s.dataSource, delivered);
      confirming.catch(() => undefined); // awaited below; a failure there fails the attempt
      // 2. One transaction per batch: rows, read model, dead letters and status commit together.
      await s.dataSource.transaction(async (m) => {
        // 3. Shared lock: a rebuild's switch takes it exclusively, so no batch straddles the swap.
        const heldBack = await lockAndFindHeldBack(m, s.readModel, articleIds);
        const items = await confirming;
        const outcome = await applyItems(m, projection, liveTables, items, {
          heldBack,
          isolate,
          history: s.history,
        });
        // 4. Park what cannot be applied (the DLQ send is inside the transaction: it fails together).
        const recorded = await deadLetter(m, s.producer, dlqTopic, s.readModel, outcome.parked);
        if (recorded > 0)
          log.warn({ readModel: s.readModel, parked: outcome.parked.map((p) => p.reason) }, 'dead-lettered');
        await recordBatch(m, s.readModel, {
          partition: batch.partition,
          applied: outcome.applied,
          lastEvent: outcome.lastEvent,
          lastError: outcome.parked.at(-1)?.reason ?? null,
        });
      });
      break;
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) throw err;
      // A refused write fails the same way every time: retry writing article by article.
      isolate = isolate || isDataError(err);
      log.warn({ readModel: s.readModel, attempt, err: (err as Error).message }, 'batch failed; retrying');
      await new Promise((r) => setTimeout(r, 200 * attempt));
      await heartbeat();
    }
  }
  // 5. Only now, with the transaction committed, mark the batch done for the next offset commit.
  resolveOffset(batch.messages[batch.messages.length - 1].offset);
  await heartbeat();
}
