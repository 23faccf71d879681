export * from './event-store';
export * from './event-store.errors';
export * from './event-store.types';
export * from './hash-chain';
export * from './handle-command';
export * from './data-source.factory';
export * from './database-preflight';
