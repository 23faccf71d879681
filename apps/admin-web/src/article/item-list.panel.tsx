import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { sentenceOf } from './refusal.sentence';

interface Props<T> {
  /** The plural noun: "Contributors", "Photos"; the legend counts them and the list is named by it. */
  noun: string;
  items: readonly T[];
  keyOf(item: T): string;
  /** What one item reads as in the list. */
  describe(item: T): ReactNode;
  readOnly: boolean;
  /** The buttons' accessible names, unique on the page: "Edit photo 2", "Remove Ana Ruiz (author)". */
  editLabel(item: T, index: number): string;
  removeLabel(item: T, index: number): string;
  /** The refusal's subject when removing fails: "Removing Ana Ruiz". */
  removing(item: T): string;
  remove(item: T): Promise<void>;
  addLabel: string;
  /** The add or edit dialog; `close` after a success or a cancel. */
  dialog(editing: T | 'new', close: () => void): ReactNode;
}

/** A list of an article's items (credits, photos) with add, edit and remove, each a labelled button. */
export function ItemListPanel<T>({ noun, items, keyOf, describe, readOnly, ...p }: Props<T>) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(item: T) {
    setError(null);
    try {
      await p.remove(item);
    } catch (err) {
      setError(sentenceOf(err, p.removing(item)));
    }
  }

  return (
    <Fieldset legend={`${noun} (${items.length})`}>
      <Stack gap="xs">
        {items.length === 0 && <Text size="sm">None yet.</Text>}
        {items.length > 0 && (
          <ul aria-label={noun} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {items.map((item, i) => (
              <li key={keyOf(item)}>
                <Group justify="space-between" py={4} wrap="nowrap" align="start">
                  {describe(item)}
                  {!readOnly && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(item)}>
                        {p.editLabel(item, i)}
                      </Button>
                      <Button size="xs" color="red" variant="light" onClick={() => void remove(item)}>
                        {p.removeLabel(item, i)}
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
              {p.addLabel}
            </Button>
          </Group>
        )}
      </Stack>
      {editing !== null && p.dialog(editing, () => setEditing(null))}
    </Fieldset>
  );
}
