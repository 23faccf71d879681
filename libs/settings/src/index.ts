/**
 * Server settings: the environment every Newsroom process reads, validated with zod, and the
 * helper each app uses to parse its own variables on top. Not for clients: wire types live in
 * `@newsroom/contracts`.
 */
export * from './env.schema';
export * from './database-urls';
export * from './duration';
export * from './logging';
export * from './audit-log.settings';
export * from './master-key.settings';
