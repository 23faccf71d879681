import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { NewPasswordDto } from '../shared/new-password.dto';
import { UserRolesDto } from '../shared/user-roles.dto';

class NewUserFields {
  @ApiProperty({ example: 'rita@newsroom.test' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Rita Reporter' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class CreateUserRequestDto extends IntersectionType(NewUserFields, UserRolesDto, NewPasswordDto) {}
