import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from '@newsroom/editorial-domain';

export class ContributionStatusQueryDto {
  @ApiPropertyOptional({ enum: CONTRIBUTION_STATUSES })
  @IsOptional()
  @IsIn(CONTRIBUTION_STATUSES)
  status?: ContributionStatus;
}
