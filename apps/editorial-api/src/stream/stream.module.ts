import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { AuthModule } from '../auth/auth.module';
import { ArticleChangesHub } from './article-changes.hub';
import { StreamController } from './stream.controller';
import { StreamSessionCheck } from './stream-session.check';
import { StreamSlots } from './stream-slots';

/** Streams a user may hold open at once (tabs, windows) in one API process. */
export const MAX_STREAMS_PER_USER = 5;

/** `GET /api/stream`: live article changes for the web app, fed by the read model's commits. */
@Module({
  // The read model's LISTEN connection (one per process, shared with ?minVersion), and sessions.
  imports: [ArticlesModule, AuthModule],
  controllers: [StreamController],
  providers: [
    ArticleChangesHub,
    StreamSessionCheck,
    { provide: StreamSlots, useValue: new StreamSlots(MAX_STREAMS_PER_USER) },
  ],
})
export class StreamModule {}
