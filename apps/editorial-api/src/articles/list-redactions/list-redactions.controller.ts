import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RedactionOrderView } from '@newsroom/contracts';
import { ArticleNotFound, articleStreamId } from '@newsroom/editorial-domain';
import { EventStore } from '@newsroom/event-store';
import { Roles } from '../../auth/roles.decorator';
import { STORED_EVENTS } from '../../database/field-encryption';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { REDACTION_EVENT_TYPES, redactionOrdersOf } from './redaction-orders';

/** The legal redaction orders of an article (issue #12): who, when, why; never the passage. */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class ListRedactionsController {
  // As stored: the passages stay encrypted, so nothing here could ever answer one.
  constructor(@Inject(STORED_EVENTS) private readonly stored: EventStore) {}

  @Get(':id/redactions')
  @Roles('admin')
  async list(@Param('id', ArticleIdPipe) articleId: string): Promise<RedactionOrderView[]> {
    // Only the orders' events: an admin's workspace asks on every visit, and a live blog's whole
    // history is thousands of events. Its first event tells whether the article exists at all.
    const streamId = articleStreamId(articleId);
    const [orders, first] = await Promise.all([
      this.stored.readStream(streamId, { types: REDACTION_EVENT_TYPES }),
      this.stored.readStream(streamId, { toVersion: 1 }),
    ]);
    if (first.length === 0) throw new ArticleNotFound(articleId);
    return redactionOrdersOf(orders);
  }
}
