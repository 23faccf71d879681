import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PAGE_LIMITS, type AuditFilter, type AuditItem, type Page } from '@newsroom/contracts';
import { auditKeyOf, auditLogPage, type AuditKey } from '@newsroom/read-models';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { streamExport } from './audit-export';
import { AuditExportQueryDto, AuditLogQueryDto } from './audit-log.query.dto';

const EXPORT_PAGE = 1000;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditLogController {
  private readonly logger = new Logger(AuditLogController.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The newsroom-wide audit log, oldest first. */
  @Get()
  async log(@Query() q: AuditLogQueryDto): Promise<Page<AuditItem>> {
    const { limit = PAGE_LIMITS.audit.default, cursor, ...filter } = q;
    const after = decodeCursor(cursor, ['instant', 'uuid', 'int', 'uuid']) as AuditKey | undefined;
    const { items, more } = await auditLogPage(this.ds, filter, after, limit);
    return { items, nextCursor: more ? encodeCursor(auditKeyOf(items.at(-1)!)) : null };
  }

  /**
   * Streams the whole log page by page: memory stays flat however long the history. A complete
   * export ends with the trailers `X-Export-Complete: true` and `X-Export-Count`, and NDJSON with
   * a last line `{"complete":true,"count":N}`; a failed one is an aborted transfer.
   */
  @Get('export')
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(@Query() q: AuditExportQueryDto, @Res() res: Response): Promise<void> {
    const { format = 'ndjson', ...filter } = q;
    await streamExport(res, format, this.pages(filter), (err) =>
      this.logger.error({ err }, 'Audit export failed after its header; connection aborted'),
    );
  }

  private async *pages(filter: AuditFilter): AsyncGenerator<AuditItem[]> {
    let after: AuditKey | undefined;
    for (;;) {
      const { items, more } = await auditLogPage(this.ds, filter, after, EXPORT_PAGE);
      yield items;
      if (!more) return;
      after = auditKeyOf(items.at(-1)!);
    }
  }
}
