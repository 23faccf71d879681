import { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNNER_TABLES_DDL } from '../runner/runner-tables';

/** Each consumer group's own article rows and the throughput buckets behind events/s. */
export class RunnerTables1764300000003 implements MigrationInterface {
  name = 'RunnerTables1764300000003';

  async up(q: QueryRunner): Promise<void> {
    for (const ddl of RUNNER_TABLES_DDL) await q.query(ddl);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'projection_throughput',
      'contributor_index_article_rows',
      'article_list_article_rows',
      'audit_trail_article_rows',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
