import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { nameKeyOf } from '@newsroom/read-models';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { ListArticlesQueryDto } from './list-articles.query.dto';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class ListArticlesController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Newest first, keyset-paginated so a page never skips or repeats a row while others write. */
  @Get()
  async list(@Query() q: ListArticlesQueryDto) {
    const limit = q.limit ?? 20;
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    if (q.status) where.push(`l.status = ${p(q.status)}`);
    if (q.section) where.push(`l.sections @> ARRAY[${p(q.section)}]::text[]`);
    if (q.contributor)
      where.push(
        `EXISTS (SELECT 1 FROM contributor_index c WHERE c.article_id = l.article_id AND c.name_key = ${p(nameKeyOf(q.contributor))})`,
      );
    if (q.q) where.push(`l.search_text LIKE ${p(`%${escapeLike(q.q.toLowerCase())}%`)}`);
    const after = decodeCursor(q.cursor, 2);
    if (after) where.push(`(l.updated_at, l.article_id) < (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
    const rows = await this.ds.query(
      `SELECT l.article_id, l.version, l.status, l.headline, l.sections, l.contributor_names, l.updated_at, l.published_at
       FROM article_list l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY l.updated_at DESC, l.article_id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r: any) => ({
        id: r.article_id,
        version: r.version,
        status: r.status,
        headline: r.headline,
        sections: r.sections,
        contributors: r.contributor_names,
        updatedAt: r.updated_at,
        publishedAt: r.published_at,
      })),
      nextCursor: rows.length > limit ? encodeCursor([last.updated_at, last.article_id]) : null,
    };
  }
}
