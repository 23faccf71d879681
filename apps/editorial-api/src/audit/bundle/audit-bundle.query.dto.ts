import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../../common/instant';

/** One of the two: an article, or every article with an event since an instant. */
export class AuditBundleQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ description: 'Every article with an event at or after this instant, each in full' })
  @IsOptional()
  @IsInstant()
  since?: string;
}
