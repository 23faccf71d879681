import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class GetContributionQueryDto {
  @ApiPropertyOptional({ description: 'Preview the merge after this many of the article blocks' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  afterBlock?: number;
}
