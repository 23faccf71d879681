import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { AddContributorRequestDto } from './add-contributor.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class AddContributorController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/contributors')
  @Roles(...WRITERS)
  addContributor(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: AddContributorRequestDto,
    @Write() ctx: WriteContext,
  ) {
    const contributorId = randomUUID();
    return this.commands.execute(
      new ExecuteArticleCommand({ type: 'AddContributor', articleId, data: { ...body, contributorId } }, ctx, 201, {
        contributorId,
      }),
    );
  }
}
