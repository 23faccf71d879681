import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsInstant } from '../../common/instant';

export class GetArticleQueryDto {
  @ApiPropertyOptional({
    description: 'Show the article exactly as it was at this instant (folded from the event store)',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Wait (up to a few seconds) until the read model has reached this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  minVersion?: number;
}
