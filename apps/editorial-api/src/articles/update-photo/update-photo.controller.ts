import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, WRITERS } from '../../auth/public.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ExecuteArticleCommand } from '../shared/execute-article.command';
import { Write, WriteContext } from '../shared/write-context';
import { UpdatePhotoRequestDto } from './update-photo.request.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class UpdatePhotoController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id/photos/:photoId')
  @Roles(...WRITERS)
  updatePhoto(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('photoId', new ParseUUIDPipe()) photoId: string,
    @Body() body: UpdatePhotoRequestDto,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ExecuteArticleCommand({ type: 'UpdatePhoto', articleId, data: { ...body, photoId } }, ctx),
    );
  }
}
