import { Alert, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { queryString } from '../api/http';
import { sessionStore } from '../auth/session';

export type BundleScope = { articleId: string } | { since: string };

/** The server's name for the zip ("newsroom-audit-article-<id>-tree-<size>.zip"), or one from the scope. */
function fileNameOf(res: Response, scope: BundleScope): string {
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  if (named) return named;
  const what = 'articleId' in scope ? `article-${scope.articleId}` : `since-${scope.since.replace(/[^0-9TZ]/g, '')}`;
  return `newsroom-audit-${what}.zip`;
}

/**
 * Downloads the verifiable bundle of an article or of every article changed since an instant: the
 * events with signed checkpoints, proofs, the public key and verify-bundle.mjs, checked offline.
 * The token goes in a header, so the zip is fetched, then saved.
 */
export function BundleDownloadButton({ scope }: { scope: BundleScope }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const res = await fetch(`/api/audit/bundle${queryString(scope)}`, {
        headers: { authorization: `Bearer ${sessionStore.get()?.accessToken ?? ''}` },
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `The server answered ${res.status}.`);
      }
      const name = fileNameOf(res, scope);
      const url = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(`Saved ${name}. Unzip it and run: node verify-bundle.mjs <folder> --key "<the log's public key>"`);
    } catch (err) {
      setProblem(`The bundle could not be downloaded: ${(err as Error).message} Nothing was saved; try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Button variant="default" loading={busy} onClick={() => void download()}>
        Download the verifiable bundle
      </Button>
      <Text size="sm" role="status" mt={4}>
        {done}
      </Text>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </div>
  );
}
