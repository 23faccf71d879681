import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L } from '@newsroom/editorial-domain';

export class UnpublishArticleRequestDto {
  @ApiProperty({ maxLength: L.reasonMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.reasonMaxLength)
  reason: string;
}
