import { Text } from '@mantine/core';
import type { PhotoView } from '@newsroom/contracts';
import type { SendCommand } from './article.commands';
import { ItemListPanel } from './item-list.panel';
import { PhotoDialog } from './photo.dialog';

interface Props {
  photos: PhotoView[];
  readOnly: boolean;
  send: SendCommand;
}

/** The article's photos: attach, edit, detach. Body blocks pick from these by caption. */
export function PhotosPanel({ photos, readOnly, send }: Props) {
  return (
    <ItemListPanel
      noun="Photos"
      items={photos}
      keyOf={(p) => p.photoId}
      describe={(p) => (
        <Text size="sm">
          {p.caption} · {p.credit}
          {p.rights ? ` · ${p.rights}` : ''}
          <br />
          <Text span size="xs" c="dimmed">
            {p.url}
          </Text>
        </Text>
      )}
      readOnly={readOnly}
      editLabel={(_, i) => `Edit photo ${i + 1}`}
      removeLabel={(_, i) => `Detach photo ${i + 1}`}
      removing={(p) => `Detaching “${p.caption}”`}
      remove={async (p) => void (await send('DELETE', `/photos/${p.photoId}`))}
      addLabel="Attach a photo"
      dialog={(editing, close) => (
        <PhotoDialog
          title={editing === 'new' ? 'Attach a photo' : `Edit photo “${editing.caption}”`}
          initial={editing === 'new' ? undefined : editing}
          onClose={close}
          onSubmit={async (input) => {
            if (editing === 'new') await send('POST', '/photos', { ...input });
            else await send('PATCH', `/photos/${editing.photoId}`, { ...input });
            close();
          }}
        />
      )}
    />
  );
}
