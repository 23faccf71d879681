import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CountArticlesQueryDto } from '../count-articles/count-articles.query.dto';
import { ARTICLE_STATUSES, PAGE_LIMITS, type ArticleListQuery, type ArticleStatus } from '@newsroom/contracts';

/** The board's filters (one definition, shared with the counts) plus status and paging. */
export class ListArticlesQueryDto extends CountArticlesQueryDto implements ArticleListQuery {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @IsOptional()
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional({ default: PAGE_LIMITS.articles.default, maximum: PAGE_LIMITS.articles.max })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMITS.articles.max)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
