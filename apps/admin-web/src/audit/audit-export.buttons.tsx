import { Alert, Button, Group, Text } from '@mantine/core';
import type { AuditFilter } from '@newsroom/contracts';
import { useState } from 'react';
import { sessionStore } from '../auth/session';
import { exportFileName, exportPath, ndjsonIsComplete, type ExportFormat } from './audit-export';
import { BundleDownloadButton } from './bundle-download.button';

/** Downloads the current filter's whole log; the token goes in a header, so the file is fetched, then saved. */
export function AuditExportButtons({ filter }: { filter: AuditFilter }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setProblem(null);
    setDone(null);
    try {
      const res = await fetch(exportPath(filter, format), {
        headers: { authorization: `Bearer ${sessionStore.get()?.accessToken ?? ''}` },
      });
      if (!res.ok) throw new Error(`The server answered ${res.status}.`);
      const text = await res.text();
      if (format === 'ndjson' && !ndjsonIsComplete(text)) throw new Error('The export arrived incomplete.');
      const name = exportFileName(filter, format, new Date());
      const url = URL.createObjectURL(new Blob([text], { type: res.headers.get('content-type') ?? 'text/plain' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(`Saved ${name}.`);
    } catch (err) {
      setProblem(`The export failed: ${(err as Error).message} Nothing was saved; try again.`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-label="Export">
      <Group gap="xs">
        <Button variant="default" loading={busy === 'ndjson'} onClick={() => void download('ndjson')}>
          Export this view as NDJSON
        </Button>
        <Button variant="default" loading={busy === 'csv'} onClick={() => void download('csv')}>
          Export this view as CSV
        </Button>
      </Group>
      <div style={{ marginTop: 8 }}>
        {filter.article || filter.since ? (
          <BundleDownloadButton scope={filter.article ? { articleId: filter.article } : { since: filter.since! }} />
        ) : (
          <Text size="xs" c="dimmed">
            The verifiable bundle (events with signed checkpoints and proofs, checked offline) covers one article or
            every article changed since an instant: filter by article or by a start time to download it.
          </Text>
        )}
      </div>
      <Text size="sm" role="status" mt={4}>
        {done}
      </Text>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </section>
  );
}
