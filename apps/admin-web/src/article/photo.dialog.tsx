import { TextInput } from '@mantine/core';
import { ARTICLE_LIMITS as L, type PhotoView } from '@newsroom/contracts';
import { useState } from 'react';
import { FormDialog } from './form.dialog';

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
  const { url, caption, credit, altText, rights } = values;

  return (
    <FormDialog
      title={title}
      subject="The photo"
      submitLabel={initial ? 'Save photo' : 'Attach photo'}
      size="lg"
      noValidate
      onClose={onClose}
      submit={() => onSubmit({ url, caption, credit, ...(altText ? { altText } : {}), ...(rights ? { rights } : {}) })}
    >
      {(fields) =>
        FIELDS.map((f, i) => (
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
        ))
      }
    </FormDialog>
  );
}
