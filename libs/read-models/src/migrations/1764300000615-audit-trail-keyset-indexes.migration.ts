import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log pages by the key (occurred_at, article_id, version) under one filter at a time
 * (issue #10, bench:audit). An index of (filter column, occurred_at) alone leaves PostgreSQL to sort
 * every matching entry after `since` for the tie-breakers; with the whole key behind the filter
 * column a page is one index range read that stops after `limit` rows, for actor, role and type
 * alike (article pages use the primary key: an article has few entries).
 */
export class AuditTrailKeysetIndexes1764300000615 implements MigrationInterface {
  name = 'AuditTrailKeysetIndexes1764300000615';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_trail_actor`);
    await q.query(`DROP INDEX audit_trail_type`);
    await q.query(`CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at, article_id, version)`);
    await q.query(`CREATE INDEX audit_trail_role ON audit_trail (actor_role, occurred_at, article_id, version)`);
    await q.query(`CREATE INDEX audit_trail_type ON audit_trail (type, occurred_at, article_id, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_trail_actor`);
    await q.query(`DROP INDEX audit_trail_role`);
    await q.query(`DROP INDEX audit_trail_type`);
    await q.query(`CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_trail_type ON audit_trail (type, occurred_at)`);
  }
}
