import { Badge, Box, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ContributionView } from '@newsroom/contracts';
import type { ReactNode } from 'react';
import { formatMoment } from '../components/format';
import { BodyBlockText } from './body-block.text';
import {
  CONTRIBUTION_STATUS_COLORS,
  CONTRIBUTION_STATUS_LABELS,
  describeCredit,
  positionWords,
} from './contribution-status';

interface Props {
  contribution: ContributionView;
  /** Heading of the card: the article's headline on the reporter's page, the author in the desk's inbox. */
  title: ReactNode;
  /** Buttons for what the viewer may do now. */
  children?: ReactNode;
}

/** One contribution: its status and outcome first, then what it brings. */
export function ContributionCard({ contribution: c, title, children }: Props) {
  const name = `Contribution by ${c.author.name}, ${CONTRIBUTION_STATUS_LABELS[c.status].toLowerCase()}`;
  return (
    <Paper withBorder p="sm" component="article" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          {title}
          <Badge variant="light" color={CONTRIBUTION_STATUS_COLORS[c.status]} c="dark">
            {CONTRIBUTION_STATUS_LABELS[c.status]}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          Sent by {c.author.name} {formatMoment(c.submittedAt)} · version {c.version} · last change{' '}
          {formatMoment(c.updatedAt)}
        </Text>
        {c.status === 'changes_requested' && c.deskNote && (
          <Outcome color="orange" title="The desk's note">
            {c.deskNote}
          </Outcome>
        )}
        {c.merge && (
          <Outcome color="green" title="Accepted">
            <>
              Accepted by {c.merge.acceptedBy.name} into version {c.merge.articleVersion} of the article,{' '}
              {positionWords(c.merge.atBlock)}. Credited as {describeCredit(c.merge.credit)}.
            </>
          </Outcome>
        )}
        {c.rejection && (
          <Outcome color="red" title="Rejected">
            {c.rejection.rejectedBy.name}: {c.rejection.reason}
          </Outcome>
        )}
        <List listStyleType="none" spacing={4} aria-label="Blocks of the contribution">
          {c.blocks.map((b, i) => (
            <List.Item key={i}>
              <BodyBlockText block={b} />
            </List.Item>
          ))}
        </List>
        {c.photos.length > 0 && (
          <Text size="sm">Photos: {c.photos.map((p) => `${p.caption} (${p.credit})`).join('; ')}</Text>
        )}
        <Text size="sm">Credit asked for: {describeCredit(c.credit)}</Text>
        {c.note && <Text size="sm">Note to the desk: {c.note}</Text>}
        {children && <Group gap="xs">{children}</Group>}
      </Stack>
    </Paper>
  );
}

/**
 * The desk's word on a contribution, marked by colour and title. Not an alert: it is part of the
 * card, read in order, and announcing every card's outcome on each refresh would drown a screen reader.
 */
function Outcome({ color, title, children }: { color: string; title: string; children: ReactNode }) {
  return (
    <Box
      p="xs"
      bg={`var(--mantine-color-${color}-0)`}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-8)` }}
    >
      <Text size="sm" fw={700}>
        {title}
      </Text>
      <Text size="sm">{children}</Text>
    </Box>
  );
}
