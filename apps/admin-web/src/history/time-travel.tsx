import { Alert, Button, Group, Loader, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { HistoryEntry } from '@newsroom/contracts';
import { useState, type FormEvent } from 'react';
import { useArticleAt } from './history.queries';
import type { MomentSearch } from './history.search';
import { ReadOnlyArticle } from './read-only-article';
import { fromUtcInput, toUtcInput } from './utc-time';

interface Props {
  articleId: string;
  entries: readonly HistoryEntry[];
  /** From the URL; neither set means the newest version. */
  point: MomentSearch;
  onChange(point: MomentSearch): void;
}

/** Step through the versions or pick an instant; what it shows is read only. */
export function TimeTravel({ articleId, entries, point, onChange }: Props) {
  const latest = entries.at(-1)?.version ?? 1;
  const shown: MomentSearch = point.version || point.asOf ? point : { version: latest };
  const article = useArticleAt(articleId, shown);
  const current = shown.version ?? article.data?.version;
  const [moment, setMoment] = useState(toUtcInput(shown.asOf));
  const [momentError, setMomentError] = useState<string | null>(null);

  function showMoment(e: FormEvent) {
    e.preventDefault();
    const asOf = fromUtcInput(moment);
    if (!asOf) return setMomentError('Enter a date and time, for example 2026-02-13 10:05.');
    setMomentError(null);
    onChange({ asOf });
  }

  return (
    <Stack gap="sm">
      <Group align="end" role="group" aria-label="Version stepper">
        <Button
          variant="default"
          disabled={!current || current <= 1}
          onClick={() => current && onChange({ version: current - 1 })}
        >
          Previous version
        </Button>
        <NativeSelect
          label="Version"
          value={current ? String(current) : ''}
          data={[
            ...(current ? [] : [{ value: '', label: 'Choose a version' }]),
            ...[...entries]
              .reverse()
              .map((e) => ({ value: String(e.version), label: `Version ${e.version}: ${e.summary}` })),
          ]}
          onChange={(e) => onChange({ version: Number(e.currentTarget.value) })}
        />
        <Button
          variant="default"
          disabled={!current || current >= latest}
          onClick={() => current && onChange({ version: current + 1 })}
        >
          Next version
        </Button>
      </Group>
      <form onSubmit={showMoment} aria-label="Show the article at a moment">
        <Group align="end">
          <TextInput
            type="datetime-local"
            step={1}
            label="As of (UTC)"
            value={moment}
            error={momentError}
            onChange={(e) => setMoment(e.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            Show this moment
          </Button>
        </Group>
      </form>
      {article.isError && (
        <Alert color="red" title="That version or moment could not be shown">
          {article.error.message}
        </Alert>
      )}
      {article.isPending && <Loader size="sm" aria-label="Loading the version" />}
      {article.data && <ReadOnlyArticle article={article.data} asOf={shown.asOf} />}
    </Stack>
  );
}
