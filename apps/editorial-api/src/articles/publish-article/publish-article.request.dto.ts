import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class PublishArticleRequestDto {
  @ApiPropertyOptional({ enum: ['major', 'minor'], description: 'For an update of a published article' })
  @IsOptional()
  @IsIn(['major', 'minor'])
  updateKind?: 'major' | 'minor';
}
