import { Controller, Delete, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { answered } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';

/** Takes an assigned reporter's access away; unassigning someone not assigned records nothing. */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class UnassignReporterController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id/assignees/:userId')
  @Roles('editor', 'admin')
  async unassignReporter(
    @Param('id', ArticleIdPipe) articleId: string,
    // Not looked up: a user deleted since their assignment must still be removable.
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'UnassignReporter', articleId, data: { assigneeId: userId } }, request),
    );
    return answered(res, answer);
  }
}
