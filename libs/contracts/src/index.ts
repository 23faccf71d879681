export * from './env.schema';
export * from './event-envelope';
