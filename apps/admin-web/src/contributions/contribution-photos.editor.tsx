import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS as L, CONTRIBUTION_LIMITS as C } from '@newsroom/contracts';
import type { FieldErrors } from '../article/refusal.sentence';
import { emptyPhoto, type PhotoDraft } from './contribution-draft';

const FIELDS: { key: keyof PhotoDraft; label: string; max: number; required?: boolean; description?: string }[] = [
  { key: 'url', label: 'Photo URL', max: L.photoUrlMaxLength, required: true },
  { key: 'caption', label: 'Caption', max: L.captionMaxLength, required: true },
  { key: 'credit', label: 'Photo credit', max: L.creditMaxLength, required: true, description: 'Photographer/Agency' },
  { key: 'altText', label: 'Alt text', max: L.altTextMaxLength, description: 'What it shows, for screen readers' },
  { key: 'rights', label: 'Rights', max: L.rightsMaxLength, description: 'Optional, such as the licence' },
];

interface Props {
  photos: PhotoDraft[];
  errors: FieldErrors;
  onChange(photos: PhotoDraft[]): void;
}

/** Photos sent with the contribution; the desk attaches them to the article when it accepts. */
export function ContributionPhotosEditor({ photos, errors, onChange }: Props) {
  const set = (i: number, key: keyof PhotoDraft, value: string) =>
    onChange(photos.map((p, j) => (j === i ? { ...p, [key]: value } : p)));
  return (
    <Fieldset legend={`Photos (${photos.length})`}>
      <Stack>
        {photos.map((photo, i) => (
          <Stack key={i} gap={4} component="section" aria-label={`Photo ${i + 1} of ${photos.length}`}>
            {FIELDS.map((f) => (
              <TextInput
                key={f.key}
                label={`${f.label} (photo ${i + 1})`}
                description={f.description}
                required={f.required}
                type={f.key === 'url' ? 'url' : 'text'}
                maxLength={f.max}
                error={errors[`photos[${i}].${f.key}`]}
                value={photo[f.key]}
                onChange={(e) => set(i, f.key, e.currentTarget.value)}
              />
            ))}
            <Group>
              <Button
                size="xs"
                color="red"
                variant="light"
                c="red.9"
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
              >
                Remove photo {i + 1}
              </Button>
            </Group>
          </Stack>
        ))}
        <Group>
          <Button
            variant="default"
            disabled={photos.length >= C.photosMaxCount}
            onClick={() => onChange([...photos, emptyPhoto()])}
          >
            Add a photo
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
