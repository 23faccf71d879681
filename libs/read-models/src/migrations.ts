import { eventStoreMigrations } from '@newsroom/event-store';
import { ReadModels1764300000002 } from './migrations/1764300000002-read-models.migration';
import { RunnerTables1764300000003 } from './migrations/1764300000003-runner-tables.migration';
import { ArticleRowHashes1764300000070 } from './migrations/1764300000070-article-row-hashes.migration';

/** Every migration of the system, in order: the event store's, then the read models'. */
export const allMigrations = [
  ...eventStoreMigrations,
  ReadModels1764300000002,
  RunnerTables1764300000003,
  ArticleRowHashes1764300000070,
];
