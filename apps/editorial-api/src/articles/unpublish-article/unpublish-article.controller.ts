import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { UnpublishArticleRequestDto } from './unpublish-article.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class UnpublishArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/unpublish')
  @HttpCode(200)
  @Roles(...WRITERS)
  unpublishArticle(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: UnpublishArticleRequestDto,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new ExecuteArticleCommand({ type: 'UnpublishArticle', articleId, data: body }, ctx));
  }
}
