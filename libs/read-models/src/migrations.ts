import { eventStoreMigrations, eventStorePrivileges, type DatabasePrivileges } from '@newsroom/event-store';
import { ReadModels1764300000002 } from './migrations/1764300000002-read-models.migration';
import { RunnerTables1764300000003 } from './migrations/1764300000003-runner-tables.migration';
import { readModelPrivileges } from './read-models.privileges';
import { ArticleRowHashes1764300000080 } from './migrations/1764300000080-article-row-hashes.migration';
import { PublicArticles1764300000100 } from './migrations/1764300000100-public-articles.migration';
import { ArticleListBoard1764300000300 } from './migrations/1764300000300-article-list-board.migration';
import { AuditTrailKeysetIndexes1764300000615 } from './migrations/1764300000615-audit-trail-keyset-indexes.migration';
import { RebuildProgress1764300000616 } from './migrations/1764300000616-rebuild-progress.migration';
import { ContributionReadModels1764300000910 } from './migrations/1764300000910-contribution-read-models.migration';
import { ArticleSnapshots1764300000920 } from './migrations/1764300000920-article-snapshots.migration';
import { ProjectionProgress1764300000930 } from './migrations/1764300000930-projection-progress.migration';

/** Every migration of the system, in order: the event store's, then the read models'. */
export const allMigrations = [
  ...eventStoreMigrations,
  ReadModels1764300000002,
  RunnerTables1764300000003,
  ArticleRowHashes1764300000080,
  PublicArticles1764300000100,
  ArticleListBoard1764300000300,
  AuditTrailKeysetIndexes1764300000615,
  RebuildProgress1764300000616,
  ContributionReadModels1764300000910,
  ArticleSnapshots1764300000920,
  ProjectionProgress1764300000930,
];

/**
 * Who may use each table those migrations create, applied after them by `npm run migrate`
 * (grantAppRoles). A new table gets its entry here too, or no process can use it.
 */
export const allPrivileges: DatabasePrivileges = { ...eventStorePrivileges, ...readModelPrivileges };
