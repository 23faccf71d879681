import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CONTRIBUTION_LIMITS as C } from '@newsroom/editorial-domain';

export class RejectContributionRequestDto {
  @ApiProperty({ maxLength: C.reasonMaxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(C.reasonMaxLength)
  reason: string;
}
