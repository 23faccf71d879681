import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleVerification } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { LogVerification } from '../../audit/transparency/log-verification';
import { ArticleIdPipe } from '../shared/article-id.pipe';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class VerifyArticleController {
  constructor(private readonly verification: LogVerification) {}

  /**
   * Recomputes the article's hash chain and checks each event against the latest signed checkpoint
   * of the global log: a truncated tail or a stream rewritten with recomputed hashes fails too.
   */
  @Get(':id/verify')
  async verify(@Param('id', ArticleIdPipe) articleId: string): Promise<ArticleVerification> {
    const result = await this.verification.verify(articleStreamId(articleId));
    if (result.events === 0 && result.valid) throw new NotFoundException(`Article ${articleId} does not exist`);
    return result;
  }
}
