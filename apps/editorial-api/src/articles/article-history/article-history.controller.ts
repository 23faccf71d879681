import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, auditItem } from '../../audit/audit-item';
import { ArticleIdPipe } from '../shared/article-id.pipe';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticleHistoryController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Who changed what and when, one entry per event, in version order. */
  @Get(':id/history')
  async history(@Param('id', ArticleIdPipe) articleId: string) {
    const rows = await this.ds.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_trail WHERE article_id = $1 ORDER BY version`,
      [articleId],
    );
    if (rows.length === 0) throw new NotFoundException(`Article ${articleId} has no history (or is not projected yet)`);
    return { items: rows.map(auditItem) };
  }
}
