import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleView } from '@newsroom/contracts';
import { VersionPipe } from '../../common/version.pipe';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ArticleTimeTravel } from '../shared/article-time-travel';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticleVersionsController {
  constructor(private readonly timeTravel: ArticleTimeTravel) {}

  /** The article exactly as it was at version n, folded from the event store. */
  @Get(':id/versions/:n')
  async atVersion(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('n', VersionPipe) n: number,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ): Promise<ArticleView> {
    const article = await this.timeTravel.at(articleId, { toVersion: n });
    res.setHeader('ETag', `"${article.version}"`);
    return article;
  }
}
