import { Controller, Headers, HttpException, HttpStatus, Req, ServiceUnavailableException } from '@nestjs/common';
import { MessageEvent, Sse, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { concatMap, filter, from, interval, map, merge, type Observable, take, takeWhile } from 'rxjs';
import { STREAM_EVENT_TYPES } from '@newsroom/contracts';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';
import { ArticleChangesHub, type StreamMessage } from './article-changes.hub';
import { StreamSessionCheck } from './stream-session.check';
import { StreamSlots } from './stream-slots';

/** A comment this often keeps proxies and the client's watchdog from taking a quiet stream for a dead one. */
export const KEEP_ALIVE_MS = 15_000;

@ApiTags('stream')
@ApiBearerAuth()
@Controller('api')
export class StreamController {
  constructor(
    private readonly hub: ArticleChangesHub,
    private readonly slots: StreamSlots,
    private readonly session: StreamSessionCheck,
    private readonly config: AppConfig,
  ) {}

  /**
   * Server-sent events: `article` for each change the article read model commits, `reset` when the
   * client must fetch again (always first, unless Last-Event-ID resumes), `end` when the server closes.
   */
  @Sse('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream; send Last-Event-ID to resume' })
  @ApiTooManyRequestsResponse({ description: 'The user already holds as many streams as allowed' })
  async stream(
    @Req() req: AuthenticatedRequest,
    @Headers('last-event-id') lastEventId: string | undefined,
    @SseSignal() closed: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    const release = this.slots.take(req.user.id);
    if (!release) {
      throw new HttpException(
        `You have ${this.slots.maxPerUser} live streams open already: close one (another tab?) first`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // Every way a stream ends (the client leaves, the session ends, an error) aborts this signal.
    closed.addEventListener('abort', release, { once: true });
    if (closed.aborted) release();
    if (!(await this.hub.open())) throw new ServiceUnavailableException('Live updates are unavailable: try again');
    const events = merge(this.hub.streamSince(lastEventId), this.sessionEnded(req.sessionId, req.user.id)).pipe(
      map((m) => sseOf(m, this.hub.lastId)),
    );
    const keepAlive = interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ comment: 'keep-alive' })));
    return merge(events, keepAlive).pipe(takeWhile((m) => m.type !== STREAM_EVENT_TYPES.end, true));
  }

  /** An `end` message once the session is found revoked, expired or its user disabled. */
  private sessionEnded(sessionId: string, userId: string): Observable<StreamMessage> {
    return interval(Math.max(this.config.env.AUTH_CACHE_MS, 1000)).pipe(
      // A check that fails (the database is away) ends nothing: the next one decides.
      concatMap(() => from(this.session.isLive(sessionId, userId).catch(() => true))),
      filter((live) => !live),
      take(1),
      map((): StreamMessage => ({ type: 'end', reason: 'session-ended' })),
    );
  }
}

/** As written on the wire; `end` carries the newest id, the one the client has seen. */
function sseOf(m: StreamMessage, lastId: string): MessageEvent {
  switch (m.type) {
    case 'article':
      return { type: m.type, id: m.logged.id, data: m.logged.change };
    case 'reset':
      return { type: m.type, id: m.id, data: { reason: m.reason } };
    // The newest article change's id: resuming from it misses nothing (Nest would number it otherwise).
    case 'contributions':
      return { type: m.type, id: lastId, data: {} };
    case 'end':
      return { type: m.type, id: lastId, data: { reason: m.reason } };
  }
}
