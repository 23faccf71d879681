import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { SchedulePublicationRequestDto } from './schedule-publication.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class SchedulePublicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/schedule')
  @HttpCode(200)
  @Roles(...WRITERS)
  schedulePublication(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: SchedulePublicationRequestDto,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ExecuteArticleCommand({ type: 'SchedulePublication', articleId, data: body }, ctx),
    );
  }
}
