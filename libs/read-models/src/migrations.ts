import { eventStoreMigrations } from '@newsroom/event-store';

/** Every migration of the system, in order: the event store's, then the read models'. */
export const allMigrations = [...eventStoreMigrations];
