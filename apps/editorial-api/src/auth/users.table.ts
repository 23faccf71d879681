import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@newsroom/editorial-domain';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: Role[];
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date | null;
}

type Db = DataSource | EntityManager;

/** The `users` table: every SQL statement on it lives here. Emails are stored lower-cased. */
@Injectable()
export class UsersTable {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async byEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.ds.query(`SELECT * FROM users WHERE email = lower($1)`, [email]);
    return row;
  }

  /** The row, locked until `db`'s transaction ends when `forUpdate`: changes to one user go one at a time. */
  async byId(id: string, db: Db = this.ds, forUpdate = false): Promise<UserRow | undefined> {
    const [row] = await db.query(`SELECT * FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  async list(): Promise<UserRow[]> {
    return this.ds.query(`SELECT * FROM users ORDER BY email`);
  }

  /** False when the email is taken (compared lower-cased). */
  async insert(
    db: Db,
    u: { id: string; email: string; name: string; passwordHash: string; roles: Role[] },
  ): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, lower($2), $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [u.id, u.email, u.name, u.passwordHash, u.roles],
    );
    return rows.length === 1;
  }

  async setRoles(db: Db, id: string, roles: Role[]): Promise<void> {
    await db.query(`UPDATE users SET roles = $2, updated_at = now() WHERE id = $1`, [id, roles]);
  }

  async setDisabled(db: Db, id: string, disabled: boolean): Promise<void> {
    await db.query(`UPDATE users SET disabled_at = CASE WHEN $2 THEN now() END, updated_at = now() WHERE id = $1`, [
      id,
      disabled,
    ]);
  }

  async setPasswordHash(db: Db, id: string, hash: string): Promise<void> {
    await db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, hash]);
  }

  /** A stronger hash of the same password, unless the password was changed meanwhile. */
  async upgradeHash(id: string, from: string, to: string): Promise<void> {
    await this.ds.query(`UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [id, from, to]);
  }
}
