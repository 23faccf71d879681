import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { PublishArticle, UpdateKind } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class PublishArticleRequestDto implements RequestOf<PublishArticle, never, PublishArticleRequestDto> {
  @ApiPropertyOptional({ enum: ['major', 'minor'], description: 'For an update of a published article' })
  @IsOptional()
  @IsIn(['major', 'minor'])
  updateKind?: UpdateKind;
}
