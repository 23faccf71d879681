import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { ARTICLE_LIMITS as L, type UpdatePhoto } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class UpdatePhotoRequestDto implements RequestOf<UpdatePhoto, 'photoId', UpdatePhotoRequestDto> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(L.photoUrlMaxLength)
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(L.captionMaxLength)
  caption?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(L.creditMaxLength)
  credit?: string;

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
