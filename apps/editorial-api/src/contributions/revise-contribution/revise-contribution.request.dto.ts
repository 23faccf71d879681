import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CONTRIBUTION_LIMITS as C, type ContributionBlock } from '@newsroom/editorial-domain';
import { ContributionBlockDto, CreditDto } from '../shared/contribution.dto';

/** What the author may change; photos are set on submission. */
export class ReviseContributionRequestDto {
  @ApiPropertyOptional({ type: [ContributionBlockDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(C.blocksMaxCount)
  @ValidateNested({ each: true })
  @Type(() => ContributionBlockDto)
  blocks?: ContributionBlock[];

  @ApiPropertyOptional({ maxLength: C.noteMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(C.noteMaxLength)
  note?: string;

  @ApiPropertyOptional({ type: CreditDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreditDto)
  credit?: CreditDto;
}
