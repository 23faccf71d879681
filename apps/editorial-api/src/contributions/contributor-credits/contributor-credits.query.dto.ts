import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CONTRIBUTOR_CREDITS_PAGE } from '@newsroom/contracts';

export class ContributorCreditsQueryDto {
  @ApiPropertyOptional({ default: CONTRIBUTOR_CREDITS_PAGE.default, maximum: CONTRIBUTOR_CREDITS_PAGE.max })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CONTRIBUTOR_CREDITS_PAGE.max)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
