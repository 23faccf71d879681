import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS as L, CONTRIBUTOR_ROLES, type ContributorView } from '@newsroom/contracts';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, sentenceOf, type FieldErrors } from './refusal.sentence';

export type ContributorInput = Pick<ContributorView, 'name' | 'role' | 'affiliation'>;

interface Props {
  title: string;
  initial?: ContributorView;
  onClose(): void;
  /** Rejects with the API's refusal; the dialog stays open with what was typed. */
  onSubmit(input: ContributorInput): Promise<void>;
}

/** Adds or edits one credit: name, role, affiliation. */
export function ContributorDialog({ title, initial, onClose, onSubmit }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<ContributorView['role']>(initial?.role ?? 'contributor');
  const [affiliation, setAffiliation] = useState(initial?.affiliation ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ name: name.trim(), role, ...(affiliation.trim() ? { affiliation: affiliation.trim() } : {}) });
    } catch (err) {
      setError(sentenceOf(err, 'The credit'));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} aria-label={title}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            maxLength={L.contributorNameMaxLength}
            value={name}
            error={fields.name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <NativeSelect
            label="Role"
            value={role}
            error={fields.role}
            onChange={(e) => setRole(e.currentTarget.value as ContributorView['role'])}
            data={CONTRIBUTOR_ROLES.map((r) => ({ value: r, label: r }))}
          />
          <TextInput
            label="Affiliation"
            description="Optional, such as a news agency"
            maxLength={L.affiliationMaxLength}
            value={affiliation}
            error={fields.affiliation}
            onChange={(e) => setAffiliation(e.currentTarget.value)}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {initial ? 'Save credit' : 'Add credit'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
