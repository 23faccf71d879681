import { Alert, Button, Fieldset, Group, List, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  ARTICLE_LIMITS as L,
  CONTRIBUTION_LIMITS as C,
  CONTRIBUTOR_ROLES,
  type ContributorRole,
} from '@newsroom/contracts';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, type FieldErrors } from '../article/refusal.sentence';
import { ContributionBlocksEditor } from './contribution-blocks.editor';
import type { ContributionDraft } from './contribution-draft';
import { ContributionPhotosEditor } from './contribution-photos.editor';
import { contributionSentence } from './contribution-status';

interface Props {
  /** The form's accessible name: "Contribute to …", "Revise your contribution". */
  label: string;
  initial: ContributionDraft;
  submitLabel: string;
  /** Photos are set on submission; a revision shows them without editing them. */
  photosEditable: boolean;
  /** Rejects with the API's refusal: the form keeps every typed character and marks the fields named. */
  onSubmit(draft: ContributionDraft): Promise<void>;
  onCancel?(): void;
  /** Hears every edit: the caller may keep a copy of what is typed. */
  onEdit?(draft: ContributionDraft): void;
}

/** Blocks, photos, a note to the desk and the credit asked for. */
export function ContributionForm(props: Props) {
  const { label, initial, submitLabel, photosEditable, onSubmit, onCancel, onEdit } = props;
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = (next: ContributionDraft) => {
    setDraft(next);
    onEdit?.(next);
  };
  const edit = (patch: Partial<ContributionDraft>) => change({ ...draft, ...patch });
  const editCredit = (patch: Partial<ContributionDraft['credit']>) =>
    change({ ...draft, credit: { ...draft.credit, ...patch } });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(draft);
      setErrors({});
    } catch (err) {
      setError(contributionSentence(err, label.startsWith('Revise') ? 'Your revision' : 'Your contribution'));
      setErrors(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form aria-label={label} onSubmit={submit} noValidate>
      <Stack>
        <ContributionBlocksEditor blocks={draft.blocks} errors={errors} onChange={(blocks) => edit({ blocks })} />
        {photosEditable ? (
          <ContributionPhotosEditor photos={draft.photos} errors={errors} onChange={(photos) => edit({ photos })} />
        ) : (
          draft.photos.length > 0 && (
            <Fieldset legend="Photos (set when you submitted)">
              <List aria-label="Photos sent">
                {draft.photos.map((p, i) => (
                  <List.Item key={i}>
                    {p.caption} ({p.credit})
                  </List.Item>
                ))}
              </List>
            </Fieldset>
          )
        )}
        <Fieldset legend="Credit you ask for">
          <Stack gap="xs">
            <TextInput
              label="Credit name"
              required
              maxLength={L.contributorNameMaxLength}
              error={errors['credit.name'] ?? errors.credit}
              value={draft.credit.name}
              onChange={(e) => editCredit({ name: e.currentTarget.value })}
            />
            <NativeSelect
              label="Credit role"
              value={draft.credit.role}
              error={errors['credit.role']}
              onChange={(e) => editCredit({ role: e.currentTarget.value as ContributorRole })}
              data={CONTRIBUTOR_ROLES.map((r) => ({ value: r, label: r }))}
            />
            <TextInput
              label="Affiliation"
              description="Optional, such as your agency or paper"
              maxLength={L.affiliationMaxLength}
              error={errors['credit.affiliation']}
              value={draft.credit.affiliation}
              onChange={(e) => editCredit({ affiliation: e.currentTarget.value })}
            />
          </Stack>
        </Fieldset>
        <Textarea
          label="Note to the desk"
          description="Optional: sources, what to check, where you think it fits"
          autosize
          minRows={2}
          maxLength={C.noteMaxLength}
          error={errors.note}
          value={draft.note}
          onChange={(e) => edit({ note: e.currentTarget.value })}
        />
        {error && (
          <Alert color="red" role="alert">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
