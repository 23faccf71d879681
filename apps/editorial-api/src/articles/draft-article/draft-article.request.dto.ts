import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS, type DraftArticle } from '@newsroom/editorial-domain';
import { ArticleFieldsDto } from '../shared/article-fields.dto';
import { RequestOf } from '../shared/request-of';

export class DraftArticleRequestDto
  extends ArticleFieldsDto
  implements RequestOf<DraftArticle, never, DraftArticleRequestDto>
{
  @ApiProperty({ minLength: 1, maxLength: ARTICLE_LIMITS.headlineMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(ARTICLE_LIMITS.headlineMaxLength)
  declare headline: string;
}
