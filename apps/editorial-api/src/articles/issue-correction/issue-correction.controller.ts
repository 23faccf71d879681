import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { IssueCorrectionRequestDto } from './issue-correction.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class IssueCorrectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/corrections')
  @HttpCode(200)
  @Roles(...WRITERS)
  issueCorrection(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: IssueCorrectionRequestDto,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new ExecuteArticleCommand({ type: 'IssueCorrection', articleId, data: body }, ctx));
  }
}
