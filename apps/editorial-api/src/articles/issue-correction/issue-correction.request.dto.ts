import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, CORRECTION_KINDS } from '@newsroom/editorial-domain';

export class IssueCorrectionRequestDto {
  @ApiProperty({ maxLength: L.correctionMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.correctionMaxLength)
  text: string;

  @ApiProperty({ enum: CORRECTION_KINDS })
  @IsIn(CORRECTION_KINDS)
  kind: (typeof CORRECTION_KINDS)[number];
}
