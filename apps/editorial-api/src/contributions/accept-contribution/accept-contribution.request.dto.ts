import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { CreditDto } from '../shared/contribution.dto';

export class AcceptContributionRequestDto {
  @ApiPropertyOptional({
    description: 'How many of the article blocks stay before the inserted ones; absent: at the end',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  afterBlock?: number;

  @ApiPropertyOptional({ type: CreditDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreditDto)
  credit?: CreditDto;
}
