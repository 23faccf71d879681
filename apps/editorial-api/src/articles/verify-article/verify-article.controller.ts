import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleVerification } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { EventStore } from '@newsroom/event-store';
import { ArticleIdPipe } from '../shared/article-id.pipe';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class VerifyArticleController {
  constructor(private readonly store: EventStore) {}

  /** Recomputes the article's hash chain: proof that its history was not altered. */
  @Get(':id/verify')
  async verify(@Param('id', ArticleIdPipe) articleId: string): Promise<ArticleVerification> {
    const result = await this.store.verify(articleStreamId(articleId));
    if (result.events === 0) throw new NotFoundException(`Article ${articleId} does not exist`);
    return result;
  }
}
