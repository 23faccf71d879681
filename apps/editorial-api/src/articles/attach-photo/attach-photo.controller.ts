import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { AttachPhotoRequestDto } from './attach-photo.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class AttachPhotoController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/photos')
  @Roles(...WRITERS)
  attachPhoto(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: AttachPhotoRequestDto,
    @Write() ctx: WriteContext,
  ) {
    const photoId = randomUUID();
    return this.commands.execute(
      new ExecuteArticleCommand({ type: 'AttachPhoto', articleId, data: { ...body, photoId } }, ctx, 201, { photoId }),
    );
  }
}
