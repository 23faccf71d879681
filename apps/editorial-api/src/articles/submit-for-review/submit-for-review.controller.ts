import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class SubmitForReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...WRITERS)
  submitForReview(@Param('id', ArticleIdPipe) articleId: string, @Write() ctx: WriteContext) {
    return this.commands.execute(new ExecuteArticleCommand({ type: 'SubmitForReview', articleId, data: {} }, ctx));
  }
}
