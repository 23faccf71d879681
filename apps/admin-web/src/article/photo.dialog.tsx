import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS as L, type PhotoView } from '@newsroom/contracts';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, sentenceOf, type FieldErrors } from './refusal.sentence';

export type PhotoInput = Omit<PhotoView, 'photoId'>;

interface Props {
  title: string;
  initial?: PhotoView;
  onClose(): void;
  /** Rejects with the API's refusal; the dialog stays open with what was typed. */
  onSubmit(input: PhotoInput): Promise<void>;
}

const FIELDS = [
  { key: 'url', label: 'Photo URL', max: L.photoUrlMaxLength, required: true, type: 'url' },
  { key: 'caption', label: 'Caption', max: L.captionMaxLength, required: true },
  { key: 'credit', label: 'Credit', max: L.creditMaxLength, required: true, description: 'Photographer/Agency' },
  {
    key: 'altText',
    label: 'Alt text',
    max: L.altTextMaxLength,
    description: 'What the photo shows, for screen readers',
  },
  { key: 'rights', label: 'Rights', max: L.rightsMaxLength, description: 'Optional, such as the licence' },
] as const;

/** Attaches or edits one photo: URL, caption, credit, alt text, rights. */
export function PhotoDialog({ title, initial, onClose, onSubmit }: Props) {
  const [values, setValues] = useState<Record<(typeof FIELDS)[number]['key'], string>>({
    url: initial?.url ?? '',
    caption: initial?.caption ?? '',
    credit: initial?.credit ?? '',
    altText: initial?.altText ?? '',
    rights: initial?.rights ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const { url, caption, credit, altText, rights } = values;
    try {
      await onSubmit({ url, caption, credit, ...(altText ? { altText } : {}), ...(rights ? { rights } : {}) });
    } catch (err) {
      setError(sentenceOf(err, 'The photo'));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} aria-label={title} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {FIELDS.map((f, i) => (
            <TextInput
              key={f.key}
              label={f.label}
              required={'required' in f}
              type={'type' in f ? f.type : 'text'}
              description={'description' in f ? f.description : undefined}
              maxLength={f.max}
              value={values[f.key]}
              error={fields[f.key]}
              onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
              data-autofocus={i === 0 ? true : undefined}
            />
          ))}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {initial ? 'Save photo' : 'Attach photo'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
