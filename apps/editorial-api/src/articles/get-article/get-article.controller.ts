import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleView } from '@newsroom/contracts';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ArticleReadModel } from '../shared/article-read-model';
import { ArticleTimeTravel } from '../shared/article-time-travel';
import { GetArticleQueryDto } from './get-article.query.dto';

const MIN_VERSION_WAIT_MS = 5000;

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class GetArticleController {
  constructor(
    private readonly timeTravel: ArticleTimeTravel,
    private readonly readModel: ArticleReadModel,
  ) {}

  @Get(':id')
  async get(
    @Param('id', ArticleIdPipe) articleId: string,
    @Query() query: GetArticleQueryDto,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ): Promise<ArticleView> {
    if (query.asOf) {
      const past = await this.timeTravel.at(articleId, { until: new Date(query.asOf) });
      res.setHeader('ETag', `"${past.version}"`);
      return past;
    }
    const article = query.minVersion
      ? await this.readModel.getAtLeast(articleId, query.minVersion, MIN_VERSION_WAIT_MS)
      : await this.readModel.get(articleId);
    if (!article) throw new NotFoundException(`Article ${articleId} does not exist (or is not projected yet)`);
    res.setHeader('ETag', `"${article.version}"`);
    // Tells a client that asked for minVersion whether it got it or the newest the read model has.
    res.setHeader('X-Read-Model-Version', String(article.version));
    return article;
  }
}
