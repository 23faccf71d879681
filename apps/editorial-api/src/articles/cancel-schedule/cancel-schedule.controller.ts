import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { answered } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class CancelScheduleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/unschedule')
  @HttpCode(200)
  @Roles(...WRITERS)
  async cancelSchedule(
    @Param('id', ArticleIdPipe) articleId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'CancelSchedule', articleId, data: {} }, request),
    );
    return answered(res, answer);
  }
}
