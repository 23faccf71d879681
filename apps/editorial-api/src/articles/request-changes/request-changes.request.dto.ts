import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, type RequestChanges } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class RequestChangesRequestDto implements RequestOf<RequestChanges, never, RequestChangesRequestDto> {
  @ApiProperty({ maxLength: L.noteMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.noteMaxLength)
  note: string;
}
