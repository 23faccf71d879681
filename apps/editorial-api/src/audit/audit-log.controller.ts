import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, auditItem } from './audit-item';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { AuditExportQueryDto, AuditLogQueryDto } from './audit-log.query.dto';
import { auditWhere } from './audit-query';

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

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditLogController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The newsroom-wide audit log, oldest first. */
  @Get()
  async log(@Query() q: AuditLogQueryDto) {
    const limit = q.limit ?? 50;
    const { sql, params, p } = auditWhere(q, decodeCursor(q.cursor, 3));
    const rows = await this.ds.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_trail ${sql} ORDER BY occurred_at, article_id, version LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit).map(auditItem);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: rows.length > limit ? encodeCursor([last.occurredAt, last.articleId, last.version]) : null,
    };
  }

  /** Streams the whole log page by page: memory stays flat however long the history. */
  @Get('export')
  async export(@Query() q: AuditExportQueryDto, @Res() res: Response) {
    const csv = q.format === 'csv';
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    res.setHeader('Content-Disposition', `attachment; filename="audit.${csv ? 'csv' : 'ndjson'}"`);
    if (csv) res.write(`${CSV_COLUMNS.join(',')}\n`);
    let after: unknown[] | undefined;
    for (;;) {
      const { sql, params, p } = auditWhere(q, after);
      const rows = await this.ds.query(
        `SELECT ${AUDIT_COLUMNS} FROM audit_trail ${sql} ORDER BY occurred_at, article_id, version LIMIT ${p(EXPORT_PAGE)}`,
        params,
      );
      for (const item of rows.map(auditItem)) {
        const line = csv
          ? [
              item.occurredAt,
              item.articleId,
              item.version,
              item.type,
              item.actor.id,
              item.actor.name,
              item.actor.role,
              item.summary,
              item.changes,
            ]
              .map(csvCell)
              .join(',')
          : JSON.stringify(item);
        if (!res.write(`${line}\n`)) await new Promise((r) => res.once('drain', r));
      }
      if (rows.length < EXPORT_PAGE) break;
      const last = auditItem(rows.at(-1));
      after = [last.occurredAt, last.articleId, last.version];
    }
    res.end();
  }
}
