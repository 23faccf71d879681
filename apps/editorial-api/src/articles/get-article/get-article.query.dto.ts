import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class GetArticleQueryDto {
  @ApiPropertyOptional({ description: 'Show the article as it was at this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
