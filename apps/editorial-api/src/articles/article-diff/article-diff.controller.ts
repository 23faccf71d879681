import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleDiff } from '@newsroom/contracts';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ArticleTimeTravel } from '../shared/article-time-travel';
import { ArticleDiffQueryDto } from './article-diff.query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticleDiffController {
  constructor(private readonly timeTravel: ArticleTimeTravel) {}

  /** What changed between two versions of the working copy, with a word-level diff of the body. */
  @Get(':id/diff')
  diff(@Param('id', ArticleIdPipe) articleId: string, @Query() q: ArticleDiffQueryDto): Promise<ArticleDiff> {
    return this.timeTravel.diff(articleId, q.from, q.to);
  }
}
