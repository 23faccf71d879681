import { describe, expect, it } from '@jest/globals';
import { exportFileName, exportPath, ndjsonIsComplete } from './audit-export';

const NOW = new Date('2026-12-01T18:30:00.123Z');

describe('the export’s file name says what it holds', () => {
  it('names the filter and the moment of export', () => {
    expect(
      exportFileName(
        { article: '1c16c6e3-afde-425b-adb4-65b127648191', role: 'editor', since: '2026-02-13T10:00:00.000Z' },
        'ndjson',
        NOW,
      ),
    ).toBe('newsroom-audit_article-1c16c6e3_role-editor_since-2026-02-13T100000Z_exported-2026-12-01T183000Z.ndjson');
  });

  it('says "all" for the whole log, and keeps only safe characters of an actor id', () => {
    expect(exportFileName({}, 'csv', NOW)).toBe('newsroom-audit_all_exported-2026-12-01T183000Z.csv');
    expect(exportFileName({ actor: '../x y' }, 'csv', NOW)).toBe(
      'newsroom-audit_actor-xy_exported-2026-12-01T183000Z.csv',
    );
  });

  it('asks the API for the same filter in the chosen format', () => {
    expect(exportPath({ type: 'CorrectionIssued' }, 'csv')).toBe('/api/audit/export?type=CorrectionIssued&format=csv');
  });
});

describe('an NDJSON export that arrived whole', () => {
  it('ends with the completion line counting its entries', () => {
    expect(ndjsonIsComplete('{"a":1}\n{"a":2}\n{"complete":true,"count":2}\n')).toBe(true);
    expect(ndjsonIsComplete('{"complete":true,"count":0}\n')).toBe(true);
  });

  it('is cut when the line is missing or its count disagrees', () => {
    expect(ndjsonIsComplete('{"a":1}\n{"a":2}\n')).toBe(false);
    expect(ndjsonIsComplete('{"a":1}\n{"complete":true,"count":2}\n')).toBe(false);
    expect(ndjsonIsComplete('{"a":1}\n{"compl')).toBe(false);
  });
});
