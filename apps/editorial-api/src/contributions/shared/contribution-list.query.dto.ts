import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { ContributionStatusQueryDto } from './contribution-status.query.dto';

/** A list's filter, and the read-your-write wait: `?contribution=<id>&minVersion=<n>`. */
export class ContributionListQueryDto extends ContributionStatusQueryDto {
  @ApiPropertyOptional({ description: 'With minVersion: the contribution whose write the list must show' })
  @ValidateIf((q: ContributionListQueryDto) => q.contribution !== undefined || q.minVersion !== undefined)
  @IsUUID('all', { message: 'contribution must be a contribution id (a UUID), required with minVersion' })
  contribution?: string;

  @ApiPropertyOptional({
    description: 'Wait (up to a few seconds) until the list shows this version of `contribution`',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  minVersion?: number;
}
