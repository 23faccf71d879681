import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  ARTICLE_LIMITS as L,
  CONTRIBUTOR_ROLES,
  type ContributionView,
  type ContributorRole,
} from '@newsroom/contracts';
import { useState } from 'react';
import { BodyBlockText, excerptOf } from './body-block.text';
import { creditOf } from './contribution-draft';
import { useContributionPreview } from './contribution.queries';
import { contributionSentence, describeCredit, positionWords } from './contribution-status';
import { mergeDiff } from './merge-diff';

interface Props {
  contribution: ContributionView;
  onClose(): void;
  /** Rejects with the API's refusal: the dialog stays open with the chosen place and credit. */
  onAccept(
    version: number,
    afterBlock: number | undefined,
    credit: ContributionView['credit'] | undefined,
  ): Promise<void>;
}

const END = 'end';

/** What accepting would do: where the blocks land, the diff of the body, the photos and the credit; then accept. */
export function MergePreviewDialog({ contribution: c, onClose, onAccept }: Props) {
  const [place, setPlace] = useState(END);
  const afterBlock = place === END ? undefined : Number(place);
  const preview = useContributionPreview(c.contributionId, afterBlock);
  const [credit, setCredit] = useState({ ...c.credit, affiliation: c.credit.affiliation ?? '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = preview.data;
  const body = data?.preview?.before ?? [];
  const given = creditOf(credit);
  const adjusted =
    JSON.stringify(given) !== JSON.stringify(creditOf({ ...c.credit, affiliation: c.credit.affiliation ?? '' }));

  async function accept() {
    if (!data) return;
    setBusy(true);
    setError(null);
    try {
      await onAccept(data.version, afterBlock, adjusted ? given : undefined);
    } catch (err) {
      setError(contributionSentence(err, 'Accepting'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`Preview the merge of ${c.author.name}'s contribution`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <NativeSelect
          label="Insert the contribution"
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          data={[
            { value: '0', label: 'At the start, before block 1' },
            ...body
              .slice(0, -1)
              .map((b, i) => ({ value: String(i + 1), label: `After block ${i + 1} — ${excerptOf(b)}` })),
            { value: END, label: `At the end${body.length > 0 ? `, after block ${body.length}` : ''}` },
          ]}
          data-autofocus
        />
        {preview.isError && (
          <Alert color="red" role="alert">
            {contributionSentence(preview.error, 'The preview')}
          </Alert>
        )}
        {!data && <Loader aria-label="Loading the preview" />}
        {data && !data.preview && (
          <Alert color="orange" role="alert" c="dark">
            This contribution is no longer open ({data.status}): there is nothing to merge.
          </Alert>
        )}
        {data?.preview && (
          <Stack component="section" aria-labelledby="merge-diff-title" gap="xs">
            <Title order={3} size="h5" id="merge-diff-title">
              The body after the merge: {c.blocks.length} {c.blocks.length === 1 ? 'block' : 'blocks'} added{' '}
              {positionWords(data.preview.atBlock, body.length)}, on version {data.preview.articleVersion}
            </Title>
            <List listStyleType="none" spacing={4} aria-label="Diff of the body">
              {mergeDiff(data.preview).map((line, i) =>
                line.kind === 'gap' ? (
                  <List.Item key={i}>
                    <Text size="sm" c="dimmed">
                      … {line.count} unchanged {line.count === 1 ? 'block' : 'blocks'} …
                    </Text>
                  </List.Item>
                ) : line.kind === 'added' ? (
                  <List.Item key={i} aria-label={`Added as block ${line.to}`}>
                    <Group
                      gap="xs"
                      wrap="nowrap"
                      align="baseline"
                      style={{ borderLeft: '4px solid var(--mantine-color-green-8)', paddingLeft: 8 }}
                    >
                      <Badge color="green" variant="light" c="dark">
                        Added · {line.to}
                      </Badge>
                      <ins style={{ textDecoration: 'none' }}>
                        <BodyBlockText block={line.block} />
                      </ins>
                    </Group>
                  </List.Item>
                ) : (
                  <List.Item key={i}>
                    <Group gap="xs" wrap="nowrap" align="baseline" style={{ paddingLeft: 12 }}>
                      <Text size="xs" c="dimmed" miw={56}>
                        {line.from === line.to ? `${line.to}` : `${line.from} → ${line.to}`}
                      </Text>
                      <BodyBlockText block={line.block} />
                    </Group>
                  </List.Item>
                ),
              )}
            </List>
            {c.photos.length > 0 && (
              <Text size="sm">
                Photos attached to the article: {c.photos.map((p) => `${p.caption} (${p.credit})`).join('; ')}
              </Text>
            )}
            <Text size="sm">Credit added to the article: {describeCredit(given)}</Text>
          </Stack>
        )}
        <Fieldset legend="Credit to give">
          <Group grow align="start">
            <TextInput
              label="Credit name"
              required
              maxLength={L.contributorNameMaxLength}
              value={credit.name}
              onChange={(e) => setCredit({ ...credit, name: e.currentTarget.value })}
            />
            <NativeSelect
              label="Credit role"
              value={credit.role}
              onChange={(e) => setCredit({ ...credit, role: e.currentTarget.value as ContributorRole })}
              data={CONTRIBUTOR_ROLES.map((r) => ({ value: r, label: r }))}
            />
            <TextInput
              label="Affiliation"
              maxLength={L.affiliationMaxLength}
              value={credit.affiliation}
              onChange={(e) => setCredit({ ...credit, affiliation: e.currentTarget.value })}
            />
          </Group>
        </Fieldset>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="green" loading={busy} disabled={!data?.preview || preview.isFetching} onClick={accept}>
            Accept and insert {data?.preview ? positionWords(data.preview.atBlock, body.length) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
