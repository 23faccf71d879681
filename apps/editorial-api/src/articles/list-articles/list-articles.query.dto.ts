import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ARTICLE_STATUSES, PAGE_LIMITS, type ArticleListQuery, type ArticleStatus } from '@newsroom/contracts';

export class ListArticlesQueryDto implements ArticleListQuery {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @IsOptional()
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  section?: string;

  @ApiPropertyOptional({ description: 'Contributor name (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contributor?: string;

  @ApiPropertyOptional({ description: 'Words to find in the headline or standfirst' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

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
