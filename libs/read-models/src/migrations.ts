import { eventStoreMigrations } from '@newsroom/event-store';
import { ReadModels1764300000002 } from './migrations/1764300000002-read-models.migration';

/** Every migration of the system, in order: the event store's, then the read models'. */
export const allMigrations = [...eventStoreMigrations, ReadModels1764300000002];
