import { Button, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { BodyBlockType, BodyBlockView, PhotoView } from '@newsroom/contracts';
import { BODY_BLOCK_TYPES } from '@newsroom/contracts';
import { useState } from 'react';
import { errorAt, type FieldErrors } from './refusal.sentence';

const TYPE_LABELS: Record<BodyBlockType, string> = {
  paragraph: 'Paragraph',
  subheading: 'Subheading',
  quote: 'Quote',
  photo: 'Photo',
};

function emptyBlock(type: BodyBlockType, photos: PhotoView[]): BodyBlockView {
  if (type === 'photo') return { type, photoId: photos[0]?.photoId ?? '' };
  if (type === 'quote') return { type, text: '', attribution: '' };
  return { type, text: '' };
}

interface Props {
  blocks: BodyBlockView[];
  photos: PhotoView[];
  readOnly: boolean;
  errors?: FieldErrors;
  onChange(blocks: BodyBlockView[]): void;
}

/**
 * The body as a list of blocks. Every action is a labelled button (insert, move, delete), so all of
 * it works from the keyboard; nothing depends on dragging.
 */
export function BodyBlocksEditor({ blocks, photos, readOnly, errors = {}, onChange }: Props) {
  const [newType, setNewType] = useState<BodyBlockType>('paragraph');
  const set = (i: number, block: BodyBlockView) => onChange(blocks.map((b, j) => (j === i ? block : b)));
  const move = (i: number, to: number) => {
    const next = [...blocks];
    const [b] = next.splice(i, 1);
    next.splice(to, 0, b);
    onChange(next);
  };
  const insertAfter = (i: number) => {
    const next = [...blocks];
    next.splice(i + 1, 0, emptyBlock(newType, photos));
    onChange(next);
  };

  return (
    <Fieldset legend={`Body (${blocks.length} ${blocks.length === 1 ? 'block' : 'blocks'})`}>
      <Stack>
        {errors.body && (
          <Text c="red.9" size="sm" role="alert">
            Body: {errors.body}
          </Text>
        )}
        {blocks.map((block, i) => {
          const name = `${TYPE_LABELS[block.type]} ${i + 1}`;
          return (
            <Stack key={i} gap={4} component="section" aria-label={`Block ${i + 1} of ${blocks.length}`}>
              {block.type === 'photo' ? (
                <NativeSelect
                  label={name}
                  description="One of the attached photos, by caption"
                  disabled={readOnly}
                  error={errorAt(errors, `body[${i}]`)}
                  value={block.photoId}
                  onChange={(e) => set(i, { type: 'photo', photoId: e.currentTarget.value })}
                  data={[
                    { value: '', label: 'Choose a photo' },
                    ...photos.map((p) => ({ value: p.photoId, label: p.caption || p.url })),
                  ]}
                />
              ) : (
                <Textarea
                  label={name}
                  autosize
                  minRows={block.type === 'subheading' ? 1 : 2}
                  readOnly={readOnly}
                  error={errors[`body[${i}].text`] ?? errors[`body[${i}]`]}
                  value={block.text}
                  onChange={(e) => set(i, { ...block, text: e.currentTarget.value })}
                />
              )}
              {block.type === 'quote' && (
                <TextInput
                  label={`Attribution of quote ${i + 1}`}
                  readOnly={readOnly}
                  error={errors[`body[${i}].attribution`]}
                  value={block.attribution ?? ''}
                  onChange={(e) => set(i, { ...block, attribution: e.currentTarget.value })}
                />
              )}
              {!readOnly && (
                <Group gap="xs">
                  <Button size="xs" variant="default" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    Move {name} up
                  </Button>
                  <Button size="xs" variant="default" disabled={i === blocks.length - 1} onClick={() => move(i, i + 1)}>
                    Move {name} down
                  </Button>
                  <Button size="xs" variant="default" onClick={() => insertAfter(i)}>
                    Insert {TYPE_LABELS[newType].toLowerCase()} after {name}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => onChange(blocks.filter((_, j) => j !== i))}
                  >
                    Delete {name}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
        {!readOnly && (
          <Group align="end">
            <NativeSelect
              label="Type of new block"
              value={newType}
              onChange={(e) => setNewType(e.currentTarget.value as BodyBlockType)}
              data={BODY_BLOCK_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            />
            <Button variant="default" onClick={() => onChange([...blocks, emptyBlock(newType, photos)])}>
              Add {TYPE_LABELS[newType].toLowerCase()} at the end
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
