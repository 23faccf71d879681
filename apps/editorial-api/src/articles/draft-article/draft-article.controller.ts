import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { DraftArticleRequestDto } from './draft-article.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class DraftArticleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles(...WRITERS)
  draft(@Body() body: DraftArticleRequestDto, @Write() ctx: WriteContext) {
    const articleId = randomUUID();
    return this.commands.execute(new ExecuteArticleCommand({ type: 'DraftArticle', articleId, data: body }, ctx, 201));
  }
}
