import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { ContributorView } from '@newsroom/contracts';
import { useState } from 'react';
import type { SendCommand } from './article.commands';
import { ContributorDialog, type ContributorInput } from './contributor.dialog';
import { sentenceOf } from './refusal.sentence';

interface Props {
  contributors: ContributorView[];
  readOnly: boolean;
  send: SendCommand;
}

const sameCredit = (a: ContributorInput, b: ContributorInput) =>
  a.name.trim().toLowerCase() === b.name.trim().toLowerCase() && a.role === b.role;

/** The article's credits: add, edit, remove. */
export function ContributorsPanel({ contributors, readOnly, send }: Props) {
  const [editing, setEditing] = useState<ContributorView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function edit(old: ContributorView, next: ContributorInput) {
    // The API credits and removes; an edit is both. The same person in the same role would be a
    // duplicate until the old credit goes, so it goes first; otherwise the new credit comes first,
    // so a refusal leaves the article with the old one rather than with none.
    if (sameCredit(old, next)) {
      await send('DELETE', `/contributors/${old.contributorId}`);
      await send('POST', '/contributors', { ...next });
    } else {
      await send('POST', '/contributors', { ...next });
      await send('DELETE', `/contributors/${old.contributorId}`);
    }
  }

  async function remove(c: ContributorView) {
    setError(null);
    try {
      await send('DELETE', `/contributors/${c.contributorId}`);
    } catch (err) {
      setError(sentenceOf(err, `Removing ${c.name}`));
    }
  }

  return (
    <Fieldset legend={`Contributors (${contributors.length})`}>
      <Stack gap="xs">
        {contributors.length === 0 && <Text size="sm">None yet.</Text>}
        {contributors.length > 0 && (
          <ul aria-label="Contributors" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {contributors.map((c) => (
              <li key={c.contributorId}>
                <Group justify="space-between" py={4}>
                  <Text size="sm">
                    {c.name} · {c.role}
                    {c.affiliation ? ` · ${c.affiliation}` : ''}
                  </Text>
                  {!readOnly && (
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => setEditing(c)}>
                        Edit {c.name} ({c.role})
                      </Button>
                      <Button size="xs" color="red" variant="light" onClick={() => void remove(c)}>
                        Remove {c.name} ({c.role})
                      </Button>
                    </Group>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!readOnly && (
          <Group>
            <Button variant="default" onClick={() => setEditing('new')}>
              Add a contributor
            </Button>
          </Group>
        )}
      </Stack>
      {editing && (
        <ContributorDialog
          title={editing === 'new' ? 'Add a contributor' : `Edit ${editing.name}`}
          initial={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSubmit={async (input) => {
            if (editing === 'new') await send('POST', '/contributors', { ...input });
            else await edit(editing, input);
            setEditing(null);
          }}
        />
      )}
    </Fieldset>
  );
}
