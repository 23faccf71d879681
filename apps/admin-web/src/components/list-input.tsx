import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { listOf } from '../article/fields-draft';

interface Props {
  label: string;
  values: string[];
  maxCount: number;
  readOnly?: boolean;
  /** The server's word on the field, shown before the local count check. */
  error?: string;
  onChange(values: string[]): void;
}

/** A short list typed as comma-separated text; the text is kept as typed, the list is what is sent. */
export function ListInput({ label, values, maxCount, readOnly, error, onChange }: Props) {
  const [text, setText] = useState(values.join(', '));
  const count = listOf(text).length;
  return (
    <TextInput
      label={label}
      readOnly={readOnly}
      value={text}
      description={`Separated by commas · ${count} / ${maxCount}`}
      error={error ?? (count > maxCount ? `At most ${maxCount}` : undefined)}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(listOf(e.currentTarget.value));
      }}
    />
  );
}
