import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CONTRIBUTION_BLOCK_TYPES,
  CONTRIBUTION_LIMITS as C,
  type ContributionBlock,
  type Credit,
} from '@newsroom/editorial-domain';
import { AddContributorRequestDto } from '../../articles/add-contributor/add-contributor.request.dto';
import { AttachPhotoRequestDto } from '../../articles/attach-photo/attach-photo.request.dto';

/** One block of a contribution; the decider checks the per-type rules (text required). */
export class ContributionBlockDto {
  @ApiProperty({ enum: CONTRIBUTION_BLOCK_TYPES })
  @IsIn(CONTRIBUTION_BLOCK_TYPES)
  type: ContributionBlock['type'];

  @ApiProperty({ maxLength: C.blockTextMaxLength })
  @IsString()
  @MaxLength(C.blockTextMaxLength)
  text: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(C.blockTextMaxLength)
  attribution?: string;
}

/** The credit a contributor asks for: the same fields and limits as crediting one on an article. */
export class CreditDto extends AddContributorRequestDto implements Credit {}

/** A photo as a contributor sends it, validated as attaching one to an article; the server mints its id. */
export class ContributionPhotoDto extends AttachPhotoRequestDto {}
