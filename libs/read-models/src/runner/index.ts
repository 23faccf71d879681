/**
 * The projection runner: Kafka consumers that apply the pure projections to the read tables, one
 * consumer group per read model, and the rebuild that replays the event store into fresh tables.
 */
export {
  READ_MODELS,
  ARTICLE_READ_MODELS,
  READ_MODEL_STREAM_PREFIX,
  isReadModelName,
  type ReadModelName,
} from './projection';
export {
  startProjectionConsumer,
  type ProjectionConsumerSettings,
  type RunningConsumer,
  type RunnerLog,
} from './projection-consumer';
export { CONSUMER_RETRY, FAST_TAKEOVER, type GroupTimeouts } from './group-timeouts';
export {
  rebuildProjection,
  rebuildProjections,
  readModelsNamed,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './rebuild';
export { contentHash } from './content-hash';
export { decryptingProvenance, kidsAt, openedHistory } from './decrypting-provenance';
export { ensureRunnerTables } from './runner-tables';
export { readEventPage, readStoredStream, storedHistory, type OpenEvents, type StreamHistory } from './event-source';
export { articleSource, contributionSource, type StreamSource, type StreamEvent, type FieldRef } from './stream-source';
export { RebuildInProgress, ReadModelsNotMigrated, UnknownReadModel } from './runner.errors';
/** Made-up article histories (dummy hash chain) for benchmarks and tests; never for a real database. */
export {
  appendStories,
  insertSyntheticEvents,
  interleavedStreams,
  syntheticArticleId,
  syntheticEvent,
  type SyntheticEvent,
} from './synthetic-article-streams';
