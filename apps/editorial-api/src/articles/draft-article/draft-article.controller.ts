import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { created } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';
import { DraftArticleRequestDto } from './draft-article.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class DraftArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles(...WRITERS)
  async draft(
    @Body() body: DraftArticleRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'DraftArticle', articleId: randomUUID(), data: body }, request),
    );
    return created(res, answer, `/api/articles/${answer.id}`);
  }
}
