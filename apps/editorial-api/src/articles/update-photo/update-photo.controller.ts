import { Body, Controller, Param, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { answered } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';
import { UpdatePhotoRequestDto } from './update-photo.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class UpdatePhotoController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id/photos/:photoId')
  @Roles(...WRITERS)
  async updatePhoto(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('photoId', new ParseUUIDPipe()) photoId: string,
    @Body() body: UpdatePhotoRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteArticleCommand({ type: 'UpdatePhoto', articleId, data: { ...body, photoId } }, request),
    );
    return answered(res, answer);
  }
}
