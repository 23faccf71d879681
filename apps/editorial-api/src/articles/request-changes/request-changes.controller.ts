import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { RequestChangesRequestDto } from './request-changes.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class RequestChangesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles(...WRITERS)
  requestChanges(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: RequestChangesRequestDto,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new ExecuteArticleCommand({ type: 'RequestChanges', articleId, data: body }, ctx));
  }
}
