import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A read model's last or running rebuild, on its status row (issue #10, Admin): the admin's rebuild
 * answers 202 at once and runs in the background, and its progress (state, events replayed of the
 * total, results or error) is read from here by whoever asks, on any instance.
 */
export class RebuildProgress1764300000616 implements MigrationInterface {
  name = 'RebuildProgress1764300000616';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_status ADD COLUMN rebuild jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projection_status DROP COLUMN rebuild`);
  }
}
