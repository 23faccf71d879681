import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from '@newsroom/editorial-domain';

/** The roles of an account: at least one, each a known role. */
export class UserRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['reporter'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length * 2)
  @IsIn(ROLES, { each: true })
  roles: Role[];
}
