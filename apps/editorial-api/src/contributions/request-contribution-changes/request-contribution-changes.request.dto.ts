import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CONTRIBUTION_LIMITS as C } from '@newsroom/editorial-domain';

export class RequestContributionChangesRequestDto {
  @ApiProperty({ maxLength: C.noteMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(C.noteMaxLength)
  note: string;
}
