import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { ArticleListFilter } from '@newsroom/contracts';

/** The list's filters, with the list's limits: the board counts exactly what its columns page through. */
export class CountArticlesQueryDto implements ArticleListFilter {
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
}
