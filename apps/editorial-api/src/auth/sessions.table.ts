import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@newsroom/editorial-domain';

/** The user behind a live session, as the store has them now. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

export type RevokedBecause = 'logout' | 'roles changed' | 'password reset' | 'disabled';

/** The `sessions` table: every SQL statement on it lives here. */
@Injectable()
export class SessionsTable {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async open(userId: string, ttlSeconds: number): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    const [row] = await this.ds.query(
      `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       RETURNING expires_at`,
      [id, userId, ttlSeconds],
    );
    return { id, expiresAt: row.expires_at };
  }

  /** The session's user while the session is live and the user enabled; undefined otherwise. */
  async liveUser(sessionId: string): Promise<SessionUser | undefined> {
    const [row] = await this.ds.query(
      `SELECT u.id, u.name, u.email, u.roles FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [sessionId],
    );
    return row;
  }

  async revoke(sessionId: string, because: RevokedBecause): Promise<void> {
    await this.ds.query(
      `UPDATE sessions SET revoked_at = now(), revoked_because = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, because],
    );
  }

  /** Ends every live session of the user; how many. */
  async revokeAllOf(db: DataSource | EntityManager, userId: string, because: RevokedBecause): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await db.query(
      `UPDATE sessions SET revoked_at = now(), revoked_because = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, because],
    );
    return affected;
  }
}
