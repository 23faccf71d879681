import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, CONTRIBUTOR_ROLES } from '@newsroom/editorial-domain';

export class AddContributorRequestDto {
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
