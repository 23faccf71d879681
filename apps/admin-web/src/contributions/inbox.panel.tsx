import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { CONTRIBUTION_ROLE_PERMISSIONS, type ContributionView, type Role } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { AnchorLink } from '../history/anchor-link';
import { useArticleChanges } from '../live/live-updates';
import { contributionCommands } from './contribution.commands';
import { ContributionCard } from './contribution.card';
import { contributionKeys, useArticleContributions } from './contribution.queries';
import { awaitsDesk, isOpen, positionWords } from './contribution-status';
import { DecisionDialog, type Decision } from './decision.dialog';
import { MergePreviewDialog } from './merge-preview.dialog';
import { Announcement } from '../components/announcement';

type Open = { kind: 'preview'; c: ContributionView } | { kind: Decision; c: ContributionView } | null;

/** The desk's inbox in the workspace: open contributions first, each previewed, accepted, sent back or rejected. */
export function InboxPanel({ articleId, roles }: { articleId: string; roles: readonly Role[] }) {
  const queries = useQueryClient();
  const list = useArticleContributions(articleId);
  const [dialog, setDialog] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');
  const submits = roles.some((r) => CONTRIBUTION_ROLE_PERMISSIONS[r].includes('SubmitContribution'));
  const decides = roles.some((r) => CONTRIBUTION_ROLE_PERMISSIONS[r].includes('AcceptContribution'));
  const items = list.data ?? [];
  const open = items.filter(isOpen);
  const decided = items.filter((c) => !isOpen(c));
  const refresh = () => queries.invalidateQueries({ queryKey: contributionKeys.all });

  // A merge (or any change) on this article: the inbox and its previews look again at once.
  useArticleChanges(() => void refresh(), articleId);

  // Arrivals after the first load are announced, so a screen reader hears a new one come in.
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!list.data) return;
    const ids = new Set(list.data.map((c) => c.contributionId));
    const arrived = known.current ? list.data.filter((c) => !known.current!.has(c.contributionId)) : [];
    known.current = ids;
    if (arrived.length > 0) {
      setAnnouncement(`New contribution from ${arrived.map((c) => c.author.name).join(', ')}.`);
    }
  }, [list.data]);

  async function decide(done: string, run: () => Promise<unknown>) {
    await run();
    setDialog(null);
    if (done) setAnnouncement(done);
    await refresh();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inbox-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="inbox-title">
          Contributions ({open.length} open)
        </Title>
        {submits && (
          <AnchorLink to="/articles/$id/contribute" params={{ id: articleId }} size="sm">
            Contribute to this article
          </AnchorLink>
        )}
        <Announcement text={announcement} />
        {list.isError && (
          <Alert color="red" role="alert">
            The contributions could not be loaded: {list.error.message}
          </Alert>
        )}
        {list.data && open.length === 0 && <Text size="sm">No contribution is waiting.</Text>}
        {open.map((c) => (
          <ContributionCard key={c.contributionId} contribution={c} title={<Text fw={600}>{c.author.name}</Text>}>
            {decides && awaitsDesk(c) && (
              <>
                <Button size="xs" onClick={() => setDialog({ kind: 'preview', c })}>
                  Preview and accept
                </Button>
                <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'send-back', c })}>
                  Send back
                </Button>
              </>
            )}
            {decides && (
              <Button size="xs" variant="light" color="red" c="red.9" onClick={() => setDialog({ kind: 'reject', c })}>
                Reject
              </Button>
            )}
          </ContributionCard>
        ))}
        {decided.length > 0 && (
          <Stack component="section" aria-labelledby="decided-title" gap="xs">
            <Title order={3} size="h5" id="decided-title">
              Decided ({decided.length})
            </Title>
            {decided.map((c) => (
              <ContributionCard key={c.contributionId} contribution={c} title={<Text fw={600}>{c.author.name}</Text>} />
            ))}
          </Stack>
        )}
      </Stack>
      {dialog?.kind === 'preview' && (
        <MergePreviewDialog
          contribution={dialog.c}
          onClose={() => setDialog(null)}
          onAccept={(version, afterBlock, credit) =>
            decide('', async () => {
              const answer = await contributionCommands.accept(dialog.c.contributionId, version, {
                ...(afterBlock === undefined ? {} : { afterBlock }),
                ...(credit ? { credit } : {}),
              });
              setAnnouncement(
                `Accepted ${dialog.c.author.name}'s contribution: merged ` +
                  `${afterBlock === undefined ? 'at the end' : positionWords(afterBlock)} ` +
                  `as version ${answer.articleVersion} of the article.`,
              );
              void queries.invalidateQueries({ queryKey: queryKeys.article(articleId) });
            })
          }
        />
      )}
      {(dialog?.kind === 'send-back' || dialog?.kind === 'reject') && (
        <DecisionDialog
          decision={dialog.kind}
          contribution={dialog.c}
          onClose={() => setDialog(null)}
          onSubmit={(text) =>
            dialog.kind === 'send-back'
              ? decide(`Sent ${dialog.c.author.name}'s contribution back with your note.`, () =>
                  contributionCommands.requestChanges(dialog.c.contributionId, dialog.c.version, text),
                )
              : decide(`Rejected ${dialog.c.author.name}'s contribution.`, () =>
                  contributionCommands.reject(dialog.c.contributionId, dialog.c.version, text),
                )
          }
        />
      )}
    </Paper>
  );
}
