import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArticleFolder } from '../shared/article-folder';
import { ArticleIdPipe } from '../shared/article-id.pipe';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticleVersionsController {
  constructor(private readonly folder: ArticleFolder) {}

  /** The article exactly as it was at version n, folded from the event store. */
  @Get(':id/versions/:n')
  async atVersion(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('n', new ParseIntPipe()) n: number,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ) {
    const article = await this.folder.fold(articleId, { toVersion: n });
    res.setHeader('ETag', `"${article.version}"`);
    return article;
  }
}
