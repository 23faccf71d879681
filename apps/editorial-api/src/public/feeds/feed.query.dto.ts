import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const FEED_MAX_PAGE = 200;

export class FeedQueryDto {
  @ApiPropertyOptional({ default: 1, maximum: FEED_MAX_PAGE, description: 'Page of 50 entries, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FEED_MAX_PAGE)
  page?: number;
}
