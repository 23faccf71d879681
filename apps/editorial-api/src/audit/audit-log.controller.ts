import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PAGE_LIMITS, type AuditItem, type Page } from '@newsroom/contracts';
import { auditKeyOf, auditLogPage, type AuditKey } from '@newsroom/read-models';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { AuditExportQueryDto, AuditLogQueryDto } from './audit-log.query.dto';

const EXPORT_PAGE = 1000;
const CSV_COLUMNS = [
  'occurredAt',
  'articleId',
  'version',
  'type',
  'actorId',
  'actorName',
  'actorRole',
  'summary',
  'changes',
];

function csvCell(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // Quote every cell, and defuse spreadsheet formulas an attacker could plant in a headline.
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

function csvLine(item: AuditItem): string {
  const { occurredAt, articleId, version, type, actor, summary, changes } = item;
  return [occurredAt, articleId, version, type, actor.id, actor.name, actor.role, summary, changes]
    .map(csvCell)
    .join(',');
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditLogController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The newsroom-wide audit log, oldest first. */
  @Get()
  async log(@Query() q: AuditLogQueryDto): Promise<Page<AuditItem>> {
    const { limit = PAGE_LIMITS.audit.default, cursor, ...filter } = q;
    const after = decodeCursor(cursor, ['instant', 'uuid', 'int']) as AuditKey | undefined;
    const { items, more } = await auditLogPage(this.ds, filter, after, limit);
    return { items, nextCursor: more ? encodeCursor(auditKeyOf(items.at(-1)!)) : null };
  }

  /** Streams the whole log page by page: memory stays flat however long the history. */
  @Get('export')
  async export(@Query() q: AuditExportQueryDto, @Res() res: Response) {
    const { format, ...filter } = q;
    const csv = format === 'csv';
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    res.setHeader('Content-Disposition', `attachment; filename="audit.${csv ? 'csv' : 'ndjson'}"`);
    if (csv) res.write(`${CSV_COLUMNS.join(',')}\n`);
    let after: AuditKey | undefined;
    for (;;) {
      const { items, more } = await auditLogPage(this.ds, filter, after, EXPORT_PAGE);
      for (const item of items) {
        const line = csv ? csvLine(item) : JSON.stringify(item);
        if (!res.write(`${line}\n`)) await new Promise((r) => res.once('drain', r));
      }
      if (!more) break;
      after = auditKeyOf(items.at(-1)!);
    }
    res.end();
  }
}
