import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import {
  ARTICLE_LIMITS as L,
  CONTRIBUTION_BLOCK_TYPES,
  CONTRIBUTION_LIMITS as C,
  CONTRIBUTOR_ROLES,
  type ContributionBlock,
  type Credit,
} from '@newsroom/editorial-domain';

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

export class CreditDto implements Credit {
  @ApiProperty({ maxLength: L.contributorNameMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.contributorNameMaxLength)
  name: string;

  @ApiProperty({ enum: CONTRIBUTOR_ROLES })
  @IsIn(CONTRIBUTOR_ROLES)
  role: (typeof CONTRIBUTOR_ROLES)[number];

  @ApiPropertyOptional({ maxLength: L.affiliationMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(L.affiliationMaxLength)
  affiliation?: string;
}

/** A photo as a contributor sends it: the server mints its id. */
export class ContributionPhotoDto {
  @ApiProperty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(L.photoUrlMaxLength)
  url: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(L.captionMaxLength)
  caption: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(L.creditMaxLength)
  credit: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.altTextMaxLength)
  altText?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.rightsMaxLength)
  rights?: string;
}
