import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CONTRIBUTION_LIMITS as C, type ContributionBlock } from '@newsroom/editorial-domain';
import { ContributionBlockDto, ContributionPhotoDto, CreditDto } from '../shared/contribution.dto';

export class SubmitContributionRequestDto {
  @ApiProperty({ type: [ContributionBlockDto] })
  @IsArray()
  @ArrayMaxSize(C.blocksMaxCount)
  @ValidateNested({ each: true })
  @Type(() => ContributionBlockDto)
  blocks: ContributionBlock[];

  @ApiPropertyOptional({ type: [ContributionPhotoDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(C.photosMaxCount)
  @ValidateNested({ each: true })
  @Type(() => ContributionPhotoDto)
  photos?: ContributionPhotoDto[];

  @ApiPropertyOptional({ maxLength: C.noteMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(C.noteMaxLength)
  note?: string;

  @ApiProperty({ type: CreditDto })
  @ValidateNested()
  @Type(() => CreditDto)
  credit: CreditDto;
}
