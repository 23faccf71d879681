import { NativeSelect, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS as L, CONTRIBUTOR_ROLES, type ContributorView } from '@newsroom/contracts';
import { useState } from 'react';
import { FormDialog } from './form.dialog';

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

  return (
    <FormDialog
      title={title}
      subject="The credit"
      submitLabel={initial ? 'Save credit' : 'Add credit'}
      onClose={onClose}
      submit={() =>
        onSubmit({ name: name.trim(), role, ...(affiliation.trim() ? { affiliation: affiliation.trim() } : {}) })
      }
    >
      {(fields) => (
        <>
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
        </>
      )}
    </FormDialog>
  );
}
