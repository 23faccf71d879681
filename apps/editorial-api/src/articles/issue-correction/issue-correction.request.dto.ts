import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, CORRECTION_KINDS, type IssueCorrection } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class IssueCorrectionRequestDto implements RequestOf<IssueCorrection, never, IssueCorrectionRequestDto> {
  @ApiProperty({ maxLength: L.correctionMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.correctionMaxLength)
  text: string;

  @ApiProperty({ enum: CORRECTION_KINDS })
  @IsIn(CORRECTION_KINDS)
  kind: (typeof CORRECTION_KINDS)[number];
}
