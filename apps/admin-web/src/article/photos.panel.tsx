import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { PhotoView } from '@newsroom/contracts';
import { useState } from 'react';
import type { SendCommand } from './article.commands';
import { PhotoDialog } from './photo.dialog';
import { sentenceOf } from './refusal.sentence';

interface Props {
  photos: PhotoView[];
  readOnly: boolean;
  send: SendCommand;
}

/** The article's photos: attach, edit, detach. Body blocks pick from these by caption. */
export function PhotosPanel({ photos, readOnly, send }: Props) {
  const [editing, setEditing] = useState<PhotoView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function detach(p: PhotoView) {
    setError(null);
    try {
      await send('DELETE', `/photos/${p.photoId}`);
    } catch (err) {
      setError(sentenceOf(err, `Detaching “${p.caption}”`));
    }
  }

  return (
    <Fieldset legend={`Photos (${photos.length})`}>
      <Stack gap="xs">
        {photos.length === 0 && <Text size="sm">None yet.</Text>}
        {photos.length > 0 && (
          <ul aria-label="Photos" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {photos.map((p, i) => (
              <li key={p.photoId}>
                <Group justify="space-between" py={4} wrap="nowrap" align="start">
                  <Text size="sm">
                    {p.caption} · {p.credit}
                    {p.rights ? ` · ${p.rights}` : ''}
                    <br />
                    <Text span size="xs" c="dimmed">
                      {p.url}
                    </Text>
                  </Text>
                  {!readOnly && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(p)}>
                        Edit photo {i + 1}
                      </Button>
                      <Button size="xs" color="red" variant="light" onClick={() => void detach(p)}>
                        Detach photo {i + 1}
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
              Attach a photo
            </Button>
          </Group>
        )}
      </Stack>
      {editing && (
        <PhotoDialog
          title={editing === 'new' ? 'Attach a photo' : `Edit photo “${editing.caption}”`}
          initial={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSubmit={async (input) => {
            if (editing === 'new') await send('POST', '/photos', { ...input });
            else await send('PATCH', `/photos/${editing.photoId}`, { ...input });
            setEditing(null);
          }}
        />
      )}
    </Fieldset>
  );
}
