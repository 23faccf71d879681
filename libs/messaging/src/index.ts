export * from './topics';
export * from './kafka.factory';
export * from './kafka.security';
export * from './envelope.codec';
export * from './envelope.of-stored-event';
export * from './envelope.hash-check';
export * from './kafkajs-idle-loop.fix';
