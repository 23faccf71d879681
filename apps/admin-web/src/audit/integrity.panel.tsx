import { Alert, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import type { ArticleVerification } from '@newsroom/contracts';
import { useState } from 'react';
import { useVerification } from '../history/history.queries';
import { BundleDownloadButton } from './bundle-download.button';

// The API may name what it expected and what it found at the broken link; the hash-chain check of
// today answers only the version and the reason, so both are optional here.
type Verification = ArticleVerification & { expected?: string; found?: string };

/** How much of the history the signed log vouches for, and against which checkpoint. */
function SignedLog({ result }: { result: Verification }) {
  if (!result.checkpoint)
    return <Text size="sm">No signed checkpoint exists yet: only the hash chain was checked.</Text>;
  return (
    <Text size="sm">
      {result.logged ?? 0} of them match the signed log in checkpoint {result.checkpoint.treeSize}
      {result.pending ? `; ${result.pending} newer, covered by the next checkpoint` : ''}.
    </Text>
  );
}

function Outcome({ result }: { result: Verification }) {
  if (result.valid) {
    return (
      <Alert color="green" role="status" title="Pass: the history holds">
        <Text size="sm">
          All {result.events} events chain from version 1 to version {result.events}, each matching its own hash.
        </Text>
        <SignedLog result={result} />
        <Text size="sm">
          Head hash: <Code>{result.headHash}</Code>
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title={`Fail: the history breaks at version ${result.brokenAt}`}>
      <Text size="sm">
        First broken event: version {result.brokenAt} of {result.events}.
      </Text>
      <Text size="sm">Why: {result.reason}.</Text>
      {result.expected !== undefined && (
        <Text size="sm">
          Expected: <Code>{result.expected}</Code>
        </Text>
      )}
      {result.found !== undefined && (
        <Text size="sm">
          Found: <Code>{result.found}</Code>
        </Text>
      )}
    </Alert>
  );
}

/** Runs GET /api/articles/:id/verify on request, and says what its answer proves and what it does not. */
export function IntegrityPanel({ articleId }: { articleId: string }) {
  const [asked, setAsked] = useState(false);
  const check = useVerification(articleId, asked);

  return (
    <Stack gap="sm">
      <div>
        <Button
          loading={check.isFetching}
          onClick={() => (asked ? void check.refetch() : setAsked(true))}
          variant="default"
        >
          {asked ? 'Run the integrity check again' : 'Run the integrity check'}
        </Button>
      </div>
      {check.isError && (
        <Alert color="red" title="The check could not be run">
          {check.error.message}
        </Alert>
      )}
      {check.data && <Outcome result={check.data} />}
      <BundleDownloadButton scope={{ articleId }} />
      <section aria-labelledby="integrity-meaning">
        <Title order={3} size="h5" id="integrity-meaning">
          What a pass proves, and what it does not
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            Proves: every stored event of this article, from version 1 to the newest, links to the hash of the one
            before it and matches its own content, with no version missing; and each event the latest signed checkpoint
            covers is, byte for byte, the one the global log recorded. So an event edited, swapped, removed or inserted,
            a deleted tail, or a whole history rewritten with recomputed hashes is caught and located.
          </List.Item>
          <List.Item>
            Does not prove: anything about events newer than the latest checkpoint (pending until the next, a few
            seconds later), nor that this server shows you the same checkpoint it shows everyone. For a proof that does
            not trust this server, download the verifiable bundle and check it offline against the log&apos;s public
            key, pinned from a source you trust, and a checkpoint you kept earlier.
          </List.Item>
        </List>
      </section>
    </Stack>
  );
}
