export * from './topics';
export * from './kafka.factory';
export * from './envelope.codec';
export * from './envelope.of-stored-event';
