export * from './topics';
export * from './kafka.factory';
