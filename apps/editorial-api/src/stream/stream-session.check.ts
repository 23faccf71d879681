import { Injectable } from '@nestjs/common';
import { SessionCache } from '../auth/session.cache';
import { SessionsTable, type SessionUser } from '../auth/sessions.table';

/**
 * Whether a stream's session is still live, as the guard would answer a new request: through the
 * same cache, so a logout on this instance ends the stream at the next check and one elsewhere
 * within AUTH_CACHE_MS more.
 */
@Injectable()
export class StreamSessionCheck {
  constructor(
    private readonly sessions: SessionsTable,
    private readonly cache: SessionCache<SessionUser>,
  ) {}

  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const user = await this.cache.get(sessionId, () => this.sessions.liveUser(sessionId));
    return user?.id === userId;
  }
}
