import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PAGE_LIMITS, ROLES, type AuditFilter, type AuditLogQuery } from '@newsroom/contracts';
import { ARTICLE_EVENT_TYPES, CONTRIBUTION_EVENT_TYPES } from '@newsroom/editorial-domain';
import { IsInstant } from '../common/instant';

// The scheduler acts as `system` when it publishes a scheduled article.
const AUDIT_ROLES = [...ROLES, 'system'];
// Contribution events are in the log too, linked to their article.
const AUDIT_EVENT_TYPES = [...ARTICLE_EVENT_TYPES, ...CONTRIBUTION_EVENT_TYPES];

export class AuditFilterDto implements AuditFilter {
  @ApiPropertyOptional({ description: 'Actor id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ROLES, description: 'The role the actor acted in' })
  @IsOptional()
  @IsIn(AUDIT_ROLES)
  role?: string;

  @ApiPropertyOptional({ description: "Article id: one article's entries" })
  @IsOptional()
  @IsUUID()
  article?: string;

  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES)
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  until?: string;
}

export class AuditLogQueryDto extends AuditFilterDto implements AuditLogQuery {
  @ApiPropertyOptional({ default: PAGE_LIMITS.audit.default, maximum: PAGE_LIMITS.audit.max })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMITS.audit.max)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class AuditExportQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], default: 'ndjson' })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';
}
