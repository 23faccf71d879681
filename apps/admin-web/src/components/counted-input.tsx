import { Textarea, TextInput } from '@mantine/core';

interface Props {
  label: string;
  value: string;
  max: number;
  onChange(value: string): void;
  readOnly?: boolean;
  multiline?: boolean;
  error?: string;
}

/** A text field with its character count against the domain's limit; over the limit it says so. */
export function CountedInput({ label, value, max, onChange, readOnly, multiline, error }: Props) {
  const over = value.length > max;
  const props = {
    label,
    value,
    readOnly,
    description: `${value.length} / ${max} characters`,
    error: error ?? (over ? `${value.length - max} characters over the limit of ${max}` : undefined),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.currentTarget.value),
  };
  return multiline ? <Textarea autosize minRows={2} {...props} /> : <TextInput {...props} />;
}
