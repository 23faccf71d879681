import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { answered } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';
import { UnpublishArticleRequestDto } from './unpublish-article.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class UnpublishArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/unpublish')
  @HttpCode(200)
  @Roles(...WRITERS)
  async unpublishArticle(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: UnpublishArticleRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'UnpublishArticle', articleId, data: body }, request),
    );
    return answered(res, answer);
  }
}
