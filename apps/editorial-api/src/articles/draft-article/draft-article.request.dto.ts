import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS } from '@newsroom/editorial-domain';
import { ArticleFieldsDto } from '../shared/article-fields.dto';

export class DraftArticleRequestDto extends ArticleFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: ARTICLE_LIMITS.headlineMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(ARTICLE_LIMITS.headlineMaxLength)
  declare headline: string;
}
