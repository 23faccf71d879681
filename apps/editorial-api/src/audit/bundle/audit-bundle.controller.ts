import { Controller, Get, NotFoundException, PayloadTooLargeException, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { Roles } from '../../auth/roles.decorator';
import { invalidField } from '../transparency/invalid-field';
import { TransparencyLog } from '../transparency/transparency-log.service';
import { buildAuditBundle, BundleTooLarge, NothingToBundle } from './audit-bundle';
import { AuditBundleQueryDto } from './audit-bundle.query.dto';

/** The verifiable bundle as a zip: unzip it and run `node verify-bundle.mjs . --key <pinned key>`. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/bundle')
@Roles('editor', 'auditor', 'admin')
export class AuditBundleController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly log: TransparencyLog,
  ) {}

  @Get()
  @ApiProduces('application/zip')
  async bundle(@Query() q: AuditBundleQueryDto, @Res() res: Response): Promise<void> {
    if (!q.articleId === !q.since)
      throw invalidField(q.articleId ? 'since' : 'articleId', 'or since: give exactly one');
    // Signed now, so the bundle's latest checkpoint covers every event stored until this request.
    await this.log.checkpointNow();
    const scope = q.articleId ? { articleId: q.articleId } : { since: q.since! };
    const bundle = await buildAuditBundle(this.ds, this.log.verifierKey, scope).catch((err: unknown) => {
      if (err instanceof NothingToBundle) throw new NotFoundException('Nothing to bundle: no article matches');
      if (err instanceof BundleTooLarge) throw new PayloadTooLargeException(`The bundle would hold ${err.message}`);
      throw err;
    });
    const zip = new ZipFile();
    for (const [name, text] of Object.entries(bundle.files)) zip.addBuffer(Buffer.from(text), `${bundle.name}/${name}`);
    zip.end();
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${bundle.name}.zip"`);
    zip.outputStream.pipe(res);
  }
}
