import { Text } from '@mantine/core';
import type { ContributorView } from '@newsroom/contracts';
import type { SendCommand } from './article.commands';
import { ContributorDialog, type ContributorInput } from './contributor.dialog';
import { ItemListPanel } from './item-list.panel';

interface Props {
  contributors: ContributorView[];
  readOnly: boolean;
  send: SendCommand;
}

const sameCredit = (a: ContributorInput, b: ContributorInput) =>
  a.name.trim().toLowerCase() === b.name.trim().toLowerCase() && a.role === b.role;

/** The article's credits: add, edit, remove. */
export function ContributorsPanel({ contributors, readOnly, send }: Props) {
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

  return (
    <ItemListPanel
      noun="Contributors"
      items={contributors}
      keyOf={(c) => c.contributorId}
      describe={(c) => (
        <Text size="sm">
          {c.name} · {c.role}
          {c.affiliation ? ` · ${c.affiliation}` : ''}
        </Text>
      )}
      readOnly={readOnly}
      editLabel={(c) => `Edit ${c.name} (${c.role})`}
      removeLabel={(c) => `Remove ${c.name} (${c.role})`}
      removing={(c) => `Removing ${c.name}`}
      remove={async (c) => void (await send('DELETE', `/contributors/${c.contributorId}`))}
      addLabel="Add a contributor"
      dialog={(editing, close) => (
        <ContributorDialog
          title={editing === 'new' ? 'Add a contributor' : `Edit ${editing.name}`}
          initial={editing === 'new' ? undefined : editing}
          onClose={close}
          onSubmit={async (input) => {
            if (editing === 'new') await send('POST', '/contributors', { ...input });
            else await edit(editing, input);
            close();
          }}
        />
      )}
    />
  );
}
