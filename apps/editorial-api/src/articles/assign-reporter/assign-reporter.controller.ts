import { Controller, NotFoundException, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { UsersTable } from '../../auth/users.table';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { answered } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';

/** Lets a reporter edit the article as its drafter may. A PUT: assigning someone twice records nothing more. */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class AssignReporterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly users: UsersTable,
  ) {}

  @Put(':id/assignees/:userId')
  @Roles('editor', 'admin')
  async assignReporter(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    // The event names the assignee as the directory knows them now; the decider checks they report.
    // A disabled account is as good as absent: it cannot sign in to do the work.
    const user = await this.users.byId(userId);
    if (!user || user.disabled_at) throw new NotFoundException(`User ${userId} does not exist`);
    const data = { assigneeId: user.id, assigneeName: user.name, assigneeRoles: user.roles };
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'AssignReporter', articleId, data }, request),
    );
    return answered(res, answer);
  }
}
