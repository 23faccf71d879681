import { Alert, Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { ARTICLE_LIMITS as L } from '@newsroom/contracts';
import { useEffect, useRef, useState } from 'react';
import { fieldErrorsOf, type FieldErrors } from '../article/refusal.sentence';
import { RedactionConfirmDialog } from './redaction-confirm.dialog';
import { redactionRefusal } from './redaction-order';
import type { RedactionOrderInput } from './redaction.queries';

const EMPTY: RedactionOrderInput = { passage: '', reason: '', legalBasis: '', reference: '' };

interface Props {
  version: number;
  /** Unsaved edits in the workspace: they may still hold the passage, so they are saved first. */
  dirty: boolean;
  /** Sends the order; rejects with the API's refusal. */
  order(input: RedactionOrderInput): Promise<void>;
}

/** "Redact a passage": the four required fields, then a dialog that says it is for good. */
export function RedactionOrderForm({ version, dirty, order }: Props) {
  const [input, setInput] = useState(EMPTY);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const set = (field: keyof RedactionOrderInput) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setInput((i) => ({ ...i, [field]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => path !== field)));
  };

  // The server named a field: the focus goes to it, so a keyboard user lands where the problem is.
  useEffect(() => {
    if (Object.keys(errors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function send() {
    setRefusal(null);
    try {
      await order(input);
      setInput(EMPTY);
      setErrors({});
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setRefusal(redactionRefusal(err));
    } finally {
      setConfirming(false);
    }
  }

  return (
    <form
      ref={form}
      aria-labelledby="redact-title"
      onSubmit={(e) => {
        e.preventDefault();
        setRefusal(null);
        setConfirming(true);
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="redact-title">
          Redact a passage
        </Title>
        <Textarea
          label="Passage to remove"
          description="Exactly as it stands in the article. It is removed from every version and never shown again."
          required
          autosize
          minRows={2}
          maxLength={L.passageMaxLength}
          value={input.passage}
          onChange={set('passage')}
          error={errors.passage}
        />
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          maxLength={L.reasonMaxLength}
          value={input.reason}
          onChange={set('reason')}
          error={errors.reason}
        />
        <TextInput
          label="Legal basis"
          description="The law or order it rests on, e.g. Contempt of Court Act 1981, s.10"
          required
          maxLength={L.legalBasisMaxLength}
          value={input.legalBasis}
          onChange={set('legalBasis')}
          error={errors.legalBasis}
        />
        <TextInput
          label="Reference"
          description="The court order or case number"
          required
          maxLength={L.referenceMaxLength}
          value={input.reference}
          onChange={set('reference')}
          error={errors.reference}
        />
        {refusal && (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        )}
        {dirty && (
          <Alert color="yellow" role="note">
            Save your changes before ordering a redaction: they may still hold the passage.
          </Alert>
        )}
        <Group>
          <Button type="submit" color="red" disabled={dirty}>
            Redact the passage…
          </Button>
        </Group>
      </Stack>
      {confirming && (
        <RedactionConfirmDialog
          title="Redact this passage for good?"
          action="Redact for good"
          onClose={() => setConfirming(false)}
          onConfirm={send}
        >
          <Stack gap={4}>
            <Title order={4} size="h6">
              The passage
            </Title>
            <blockquote style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {input.passage}
            </blockquote>
          </Stack>
          <Stack gap={4}>
            <Title order={4} size="h6">
              On what ground
            </Title>
            <span style={{ overflowWrap: 'anywhere' }}>
              {input.legalBasis} · {input.reference}
            </span>
          </Stack>
          <span>The order is recorded against version {version} of the article.</span>
        </RedactionConfirmDialog>
      )}
    </form>
  );
}
