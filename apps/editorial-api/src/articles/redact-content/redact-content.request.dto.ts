import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, type RequestRedaction } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

/** The order: the exact passage to remove from every version, and the record kept of why. */
export class RedactContentRequestDto implements RequestOf<
  RequestRedaction,
  'redactionId' | 'located',
  RedactContentRequestDto
> {
  @ApiProperty({ maxLength: L.passageMaxLength, description: 'The exact text to remove; never shown again' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.passageMaxLength)
  passage: string;

  @ApiProperty({ maxLength: L.reasonMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.reasonMaxLength)
  reason: string;

  @ApiProperty({ maxLength: L.legalBasisMaxLength, example: 'Contempt of Court Act 1981, s.10' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.legalBasisMaxLength)
  legalBasis: string;

  @ApiProperty({ maxLength: L.referenceMaxLength, example: 'HC-2030-0117' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.referenceMaxLength)
  reference: string;
}
