import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { created } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';
import { AddContributorRequestDto } from './add-contributor.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class AddContributorController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/contributors')
  @Roles(...WRITERS)
  async addContributor(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: AddContributorRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const contributorId = randomUUID();
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'AddContributor', articleId, data: { ...body, contributorId } }, request, {
        contributorId,
      }),
    );
    return created(res, answer, `/api/articles/${answer.id}/contributors/${answer.contributorId}`);
  }
}
