import { Body, Controller, HttpException, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { ArticleFieldsDto } from '../shared/article-fields.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class ReviseArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles(...WRITERS)
  reviseArticle(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: ArticleFieldsDto,
    @Write() ctx: WriteContext,
  ) {
    // Editing fields blind would overwrite a colleague's work: the client must say which version it edited.
    if (ctx.ifMatch === undefined)
      throw new HttpException('PATCH needs an If-Match header with the version you edited', 428);
    return this.commands.execute(new ExecuteArticleCommand({ type: 'ReviseArticle', articleId, data: body }, ctx));
  }
}
