import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { PublishArticleRequestDto } from './publish-article.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class PublishArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(...WRITERS)
  publishArticle(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: PublishArticleRequestDto,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new ExecuteArticleCommand({ type: 'PublishArticle', articleId, data: body }, ctx));
  }
}
