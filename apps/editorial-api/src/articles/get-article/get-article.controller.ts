import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArticleFolder } from '../shared/article-folder';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { GetArticleQueryDto } from './get-article.query.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class GetArticleController {
  constructor(private readonly folder: ArticleFolder) {}

  // TODO(#4): serve the current article from the read model with ?minVersion; the fold stays for asOf.
  @Get(':id')
  async get(
    @Param('id', ArticleIdPipe) articleId: string,
    @Query() query: GetArticleQueryDto,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ) {
    const article = await this.folder.fold(articleId, query.asOf ? { until: new Date(query.asOf) } : {});
    res.setHeader('ETag', `"${article.version}"`);
    return article;
  }
}
