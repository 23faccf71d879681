import type { Response } from 'express';
import type { AuditItem } from '@newsroom/contracts';

export type ExportFormat = 'ndjson' | 'csv';

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
  // Last, so that earlier columns keep their places: set on contribution events, whose version is the contribution's.
  'contributionId',
];

/** HTTP trailers sent after the last line: the count a client checks the file against. */
export const EXPORT_TRAILERS = ['X-Export-Complete', 'X-Export-Count'] as const;

function csvCell(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // Quote every cell, and defuse spreadsheet formulas an attacker could plant in a headline.
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

function csvLine(item: AuditItem): string {
  const { occurredAt, articleId, version, type, actor, summary, changes, contributionId = '' } = item;
  return [occurredAt, articleId, version, type, actor.id, actor.name, actor.role, summary, changes, contributionId]
    .map(csvCell)
    .join(',');
}

/**
 * Streams the pages as NDJSON or CSV, so that a client can always tell a complete file from a cut
 * one. A complete export ends with HTTP trailers `X-Export-Complete: true` and `X-Export-Count: N`
 * (both formats), and NDJSON with a last line `{"complete":true,"count":N}`; CSV keeps only its
 * rows, which every CSV reader takes as they are. An export that fails after the first byte
 * destroys the connection: the chunked body never ends, and the client sees an aborted transfer,
 * never a 200 with a clean end.
 */
export async function streamExport(
  res: Response,
  format: ExportFormat,
  pages: AsyncIterable<AuditItem[]>,
  onFailure: (err: unknown) => void,
): Promise<void> {
  const csv = format === 'csv';
  res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
  res.setHeader('Content-Disposition', `attachment; filename="audit.${csv ? 'csv' : 'ndjson'}"`);
  res.setHeader('Trailer', EXPORT_TRAILERS.join(', '));
  // Committed from here on: whatever happens next is told by how the body ends, not by a status.
  res.status(200).flushHeaders();
  let count = 0;
  try {
    if (csv) res.write(`${CSV_COLUMNS.join(',')}\n`);
    for await (const items of pages) {
      for (const item of items) {
        const line = csv ? csvLine(item) : JSON.stringify(item);
        count += 1;
        if (!res.write(`${line}\n`)) await new Promise((r) => res.once('drain', r));
      }
    }
    if (!csv) res.write(`${JSON.stringify({ complete: true, count })}\n`);
    res.addTrailers({ 'X-Export-Complete': 'true', 'X-Export-Count': String(count) });
    res.end();
  } catch (err) {
    onFailure(err);
    res.destroy(err as Error);
  }
}
