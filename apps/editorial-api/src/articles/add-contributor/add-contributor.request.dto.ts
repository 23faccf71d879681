import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, CONTRIBUTOR_ROLES, type AddContributor } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class AddContributorRequestDto implements RequestOf<AddContributor, 'contributorId', AddContributorRequestDto> {
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
