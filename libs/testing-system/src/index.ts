// The system test kit: PostgreSQL schemas, Kafka topics, the API and the whole system, for
// integration and e2e tests. It imports no read model: callers pass in the migrations they need,
// so libs/read-models can test itself with this kit without an import cycle.
export * from './test-database';
export * from './test-topics';
export * from './api-harness';
export * from './system-harness';
export * from './ninjs.validator';
