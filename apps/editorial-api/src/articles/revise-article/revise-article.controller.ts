import { Body, Controller, HttpException, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { answered } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';
import { ReviseArticleRequestDto } from './revise-article.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class ReviseArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles(...WRITERS)
  async reviseArticle(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: ReviseArticleRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Editing fields blind would overwrite a colleague's work: the client must say which version it edited.
    if (request.ifMatch === undefined) {
      throw new HttpException('PATCH needs an If-Match header with the version you edited', 428);
    }
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'ReviseArticle', articleId, data: body }, request),
    );
    return answered(res, answer);
  }
}
