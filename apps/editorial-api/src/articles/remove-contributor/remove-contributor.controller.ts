import { Controller, Delete, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class RemoveContributorController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id/contributors/:contributorId')
  @Roles(...WRITERS)
  removeContributor(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('contributorId', new ParseUUIDPipe()) contributorId: string,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ExecuteArticleCommand({ type: 'RemoveContributor', articleId, data: { contributorId } }, ctx),
    );
  }
}
