import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, type AttachPhoto } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class AttachPhotoRequestDto implements RequestOf<AttachPhoto, 'photoId', AttachPhotoRequestDto> {
  @ApiProperty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(L.photoUrlMaxLength)
  url: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(L.captionMaxLength)
  caption: string;

  @ApiProperty({ example: 'Jane Doe/Agency via Agency' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.creditMaxLength)
  credit: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.altTextMaxLength)
  altText?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.rightsMaxLength)
  rights?: string;
}
