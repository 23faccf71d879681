import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L } from '@newsroom/editorial-domain';

export class RequestChangesRequestDto {
  @ApiProperty({ maxLength: L.noteMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(L.noteMaxLength)
  note: string;
}
