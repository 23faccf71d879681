import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { FieldChange, HistoryEntry, TextDiffPart } from '@newsroom/contracts';
import { bodyWordDiff, type CaptionOf } from './body-text';
import { previousVersionPair, sinceLastPublishedPair, type Pair } from './compare-presets';
import { bodiesOf, FieldChangesTable } from './field-changes.table';
import { usePhotoCaptions } from './photo-captions';
import { useArticleDiff } from './history.queries';
import { WordDiff } from './word-diff';

/** The body's change in readable words (photos by caption); nothing when the body did not change. */
function readableBodyDiff(changes: readonly FieldChange[], captionOf: CaptionOf): TextDiffPart[] {
  const bodies = changes.map(bodiesOf).find((b) => b !== undefined);
  return bodies ? bodyWordDiff(...bodies, captionOf) : [];
}

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
  const captionOf = usePhotoCaptions();

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
              bodyDiffElsewhere="see “Body, word by word” below"
            />
            <WordDiff parts={readableBodyDiff(diff.data.changes, captionOf)} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
