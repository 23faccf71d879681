import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { SessionCache } from './session.cache';
import { RevokedBecause, SessionsTable, SessionUser } from './sessions.table';

/** Ends sessions in the store and forgets them in this instance's cache, in that order. */
@Injectable()
export class SessionRevoker {
  constructor(
    private readonly sessions: SessionsTable,
    private readonly cache: SessionCache<SessionUser>,
  ) {}

  async endSession(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, 'logout');
    this.cache.forgetSession(sessionId);
  }

  /** Inside the change's transaction; call `userChanged` once it has committed. */
  endAllOf(db: DataSource | EntityManager, userId: string, because: RevokedBecause): Promise<number> {
    return this.sessions.revokeAllOf(db, userId, because);
  }

  /** The user's roles or state changed: this instance reads them again on their next request. */
  userChanged(userId: string): void {
    this.cache.forgetUser(userId);
  }
}
