import type { AuditFilter } from '@newsroom/contracts';
import { queryString } from '../api/http';

export type ExportFormat = 'ndjson' | 'csv';

const stamp = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');

/**
 * A name that says what the file holds: "newsroom-audit_article-1c16c6e3_role-editor_20261201T183000Z.ndjson".
 * The article id is shortened; the full filter is in the file's rows and the page's URL.
 */
export function exportFileName(filter: AuditFilter, format: ExportFormat, now: Date): string {
  const parts = ['newsroom-audit'];
  if (filter.article) parts.push(`article-${filter.article.slice(0, 8)}`);
  if (filter.actor) parts.push(`actor-${filter.actor.replace(/[^A-Za-z0-9-]/g, '').slice(0, 12)}`);
  if (filter.role) parts.push(`role-${filter.role}`);
  if (filter.type) parts.push(`type-${filter.type}`);
  if (filter.since) parts.push(`since-${stamp(filter.since)}`);
  if (filter.until) parts.push(`until-${stamp(filter.until)}`);
  if (parts.length === 1) parts.push('all');
  parts.push(`exported-${stamp(now.toISOString())}`);
  return `${parts.join('_')}.${format}`;
}

export function exportPath(filter: AuditFilter, format: ExportFormat): string {
  return `/api/audit/export${queryString({ ...filter, format })}`;
}

/**
 * Whether an NDJSON export arrived whole: the API ends a complete one with `{"complete":true,"count":N}`
 * after N entries. A cut transfer lacks that line, or its count disagrees.
 */
export function ndjsonIsComplete(text: string): boolean {
  const lines = text.trimEnd().split('\n');
  try {
    const last = JSON.parse(lines.at(-1) ?? '') as { complete?: boolean; count?: number };
    return last.complete === true && last.count === lines.length - 1;
  } catch {
    return false;
  }
}
