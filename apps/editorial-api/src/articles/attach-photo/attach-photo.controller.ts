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
import { AttachPhotoRequestDto } from './attach-photo.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class AttachPhotoController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/photos')
  @Roles(...WRITERS)
  async attachPhoto(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: AttachPhotoRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const photoId = randomUUID();
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'AttachPhoto', articleId, data: { ...body, photoId } }, request, { photoId }),
    );
    return created(res, answer, `/api/articles/${answer.id}/photos/${answer.photoId}`);
  }
}
