import { Alert, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import type { ArticleVerification } from '@newsroom/contracts';
import { useState } from 'react';
import { useVerification } from '../history/history.queries';

// The API may name what it expected and what it found at the broken link; the hash-chain check of
// today answers only the version and the reason, so both are optional here.
type Verification = ArticleVerification & { expected?: string; found?: string };

function Outcome({ result }: { result: Verification }) {
  if (result.valid) {
    return (
      <Alert color="green" role="status" title="Pass: the history holds">
        <Text size="sm">
          All {result.events} events chain from version 1 to version {result.events}, each matching its own hash.
        </Text>
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
      <section aria-labelledby="integrity-meaning">
        <Title order={3} size="h5" id="integrity-meaning">
          What a pass proves, and what it does not
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            Proves: every stored event of this article, from version 1 to the newest, links to the hash of the one
            before it and matches its own content, with no version missing. An event edited, swapped or removed in the
            middle of the history would break the chain.
          </List.Item>
          <List.Item>
            Does not prove: that no newest events were deleted (a shortened history still chains), or that someone with
            write access to the database did not rewrite the whole history and recompute every hash. Signed checkpoints
            of a global log, checked against a key you hold, are what will rule those out.
          </List.Item>
        </List>
      </section>
    </Stack>
  );
}
