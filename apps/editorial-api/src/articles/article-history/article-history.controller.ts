import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleHistory } from '@newsroom/contracts';
import { articleHistory } from '@newsroom/read-models';
import { ArticleIdPipe } from '../shared/article-id.pipe';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticleHistoryController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Who changed what and when, one entry per event, in version order. */
  @Get(':id/history')
  async history(@Param('id', ArticleIdPipe) articleId: string): Promise<ArticleHistory> {
    const items = await articleHistory(this.ds, articleId);
    if (items.length === 0)
      throw new NotFoundException(`Article ${articleId} has no history (or is not projected yet)`);
    return { items };
  }
}
