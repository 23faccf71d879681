import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PAGE_LIMITS, type ArticleListItem, type Page } from '@newsroom/contracts';
import { articleListKeyOf, listArticles, type ArticleListKey } from '@newsroom/read-models';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { ListArticlesQueryDto } from './list-articles.query.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class ListArticlesController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Newest first, keyset-paginated so a page never skips or repeats a row while others write. */
  @Get()
  async list(@Query() q: ListArticlesQueryDto): Promise<Page<ArticleListItem>> {
    const { limit = PAGE_LIMITS.articles.default, cursor, ...filter } = q;
    const after = decodeCursor(cursor, ['instant', 'uuid']) as ArticleListKey | undefined;
    const { items, more } = await listArticles(this.ds, filter, after, limit);
    return { items, nextCursor: more ? encodeCursor(articleListKeyOf(items.at(-1)!)) : null };
  }
}
