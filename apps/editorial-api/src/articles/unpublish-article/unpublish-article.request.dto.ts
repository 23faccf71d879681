import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, type UnpublishArticle } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class UnpublishArticleRequestDto implements RequestOf<UnpublishArticle, never, UnpublishArticleRequestDto> {
  @ApiProperty({ maxLength: L.reasonMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.reasonMaxLength)
  reason: string;
}
