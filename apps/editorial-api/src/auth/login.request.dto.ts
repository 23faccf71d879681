import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ example: 'editor@newsroom.test' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'newsroom' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
