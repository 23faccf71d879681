import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { HistoryEntry } from '@newsroom/contracts';
import { previousVersionPair, sinceLastPublishedPair, type Pair } from './compare-presets';
import { FieldChangesTable } from './field-changes.table';
import { useArticleDiff } from './history.queries';
import { WordDiff } from './word-diff';

interface Props {
  articleId: string;
  entries: readonly HistoryEntry[];
  pair: Pair;
  onChange(pair: Pair): void;
}

/** Any two versions side by side: the fields that differ, and the body word by word. */
export function ComparePanel({ articleId, entries, pair, onChange }: Props) {
  const latest = entries.at(-1)?.version ?? 1;
  const sincePublished = sinceLastPublishedPair(entries, latest);
  const options = [...entries]
    .reverse()
    .map((e) => ({ value: String(e.version), label: `Version ${e.version}: ${e.summary}` }));
  const diff = useArticleDiff(articleId, pair.from, pair.to);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="compare-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="compare-title">
          Compare version {pair.from} with version {pair.to}
        </Title>
        <Group align="end">
          <NativeSelect
            label="From version"
            data={options}
            value={String(pair.from)}
            onChange={(e) => onChange({ ...pair, from: Number(e.currentTarget.value) })}
          />
          <NativeSelect
            label="To version"
            data={options}
            value={String(pair.to)}
            onChange={(e) => onChange({ ...pair, to: Number(e.currentTarget.value) })}
          />
          <Button variant="default" onClick={() => onChange({ from: pair.to, to: pair.from })}>
            Swap versions
          </Button>
        </Group>
        <Group gap="xs" role="group" aria-label="Compare presets">
          <Button size="xs" variant="default" onClick={() => onChange(previousVersionPair(latest))}>
            Previous version against the newest
          </Button>
          {sincePublished ? (
            <Button size="xs" variant="default" onClick={() => onChange(sincePublished)}>
              Since last published (version {sincePublished.from})
            </Button>
          ) : (
            <Text size="xs">No change since the last publication to compare (or never published).</Text>
          )}
        </Group>
        {diff.isError && (
          <Alert color="red" title="The comparison could not be loaded">
            {diff.error.message}
          </Alert>
        )}
        {diff.isPending && <Loader size="sm" aria-label="Loading the comparison" />}
        {diff.data && (
          <>
            <FieldChangesTable
              changes={diff.data.changes}
              caption={`Fields that differ between version ${diff.data.from} and version ${diff.data.to}`}
            />
            <WordDiff parts={diff.data.body} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
