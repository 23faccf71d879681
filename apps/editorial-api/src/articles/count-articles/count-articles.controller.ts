import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleCounts } from '@newsroom/contracts';
import { countArticles } from '@newsroom/read-models';
import { CountArticlesQueryDto } from './count-articles.query.dto';

// Registered before GetArticleController, whose `:id` would otherwise take `counts` for an id.
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class CountArticlesController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Per-status totals under the board's filters: any signed-in role, as the list itself. */
  @Get('counts')
  count(@Query() q: CountArticlesQueryDto): Promise<ArticleCounts> {
    return countArticles(this.ds, q);
  }
}
