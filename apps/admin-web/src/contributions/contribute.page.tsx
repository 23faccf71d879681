import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { CONTRIBUTION_ROLE_PERMISSIONS } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { useArticle } from '../article/article.queries';
import { useSession } from '../auth/session';
import { AnchorLink } from '../history/anchor-link';
import { useArticleChanges } from '../live/live-updates';
import { ArticleReading } from './article-reading';
import { contributionCommands } from './contribution.commands';
import { newDraft, submitRequestOf } from './contribution-draft';
import { ContributionForm } from './contribution.form';
import { contributionKeys, useArticleContributions } from './contribution.queries';
import { inReporterOrder } from './contribution-status';
import { OwnContribution } from './own-contribution';
import { unsentContributions } from './unsent-contribution';
import { Announcement } from '../components/announcement';

/** `/articles/:id/contribute`: the article read only, a Contribute form, and what one sent to it before. */
export function ContributePage() {
  const { id } = useParams({ from: '/signed-in/articles/$id/contribute' });
  const session = useSession();
  const queries = useQueryClient();
  const article = useArticle(id);
  const sent = useArticleContributions(id);
  // A new form after each submission; the confirmation stays until the next one.
  const [round, setRound] = useState(0);
  const [confirmation, setConfirmation] = useState('');
  // Read once per form: what this person typed here and did not send, in an earlier visit or before a reload.
  const [restored, setRestored] = useState(() => (session ? unsentContributions.read(id, session.user.id) : null));
  useArticleChanges(() => {
    void queries.invalidateQueries({ queryKey: queryKeys.article(id) });
    void queries.invalidateQueries({ queryKey: contributionKeys.ofArticle(id) });
  }, id);

  if (article.isError) return <Alert color="red">{article.error.message}</Alert>;
  if (!article.data || !session) return <Loader aria-label="Loading the article" />;
  const roles = session.user.roles;
  const maySubmit = roles.some((r) => CONTRIBUTION_ROLE_PERMISSIONS[r].includes('SubmitContribution'));
  const mine = inReporterOrder((sent.data ?? []).filter((c) => c.author.id === session.user.id));
  const headline = article.data.working.headline || 'Untitled';

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        Contribute to “{headline}”
      </Title>
      <AnchorLink to="/contributions" size="sm">
        My stories and contributions
      </AnchorLink>
      <ArticleReading article={article.data} />
      <Announcement text={confirmation} />
      {maySubmit ? (
        <Stack component="section" aria-labelledby="contribute-title" gap="xs">
          <Title order={2} size="h3" id="contribute-title">
            Contribute
          </Title>
          {restored && (
            <Group gap="xs">
              <Text size="sm" fw={600}>
                Restored what you typed here earlier and did not send.
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  unsentContributions.clear(id, session.user.id);
                  setRestored(null);
                  setRound((r) => r + 1);
                }}
              >
                Discard it and start afresh
              </Button>
            </Group>
          )}
          <Text size="sm">
            Send reporting, quotes or photos to the desk. An editor decides where they go in the story and credits you.
          </Text>
          <ContributionForm
            key={round}
            label={`Contribute to ${headline}`}
            submitLabel="Send to the desk"
            initial={restored ?? newDraft(session.user.name)}
            photosEditable
            onEdit={(draft) => unsentContributions.write(id, session.user.id, draft)}
            onSubmit={async (draft) => {
              const answer = await contributionCommands.submit(id, submitRequestOf(draft));
              const n = draft.blocks.length;
              setConfirmation(
                `Sent to the desk. Your contribution (${n} ${n === 1 ? 'block' : 'blocks'}) ` +
                  `is with the desk as version ${answer.version}. ` +
                  'You can revise or withdraw it below until it is decided.',
              );
              unsentContributions.clear(id, session.user.id);
              setRestored(null);
              setRound((r) => r + 1);
              await queries.invalidateQueries({ queryKey: contributionKeys.all });
            }}
          />
        </Stack>
      ) : (
        <Text size="sm" role="note">
          Read only: your role may read contributions, not send them.
        </Text>
      )}
      <Stack component="section" aria-labelledby="sent-title" gap="xs">
        <Title order={2} size="h3" id="sent-title">
          What you sent to this article ({mine.length})
        </Title>
        {mine.length === 0 && <Text size="sm">Nothing yet.</Text>}
        {mine.map((c) => (
          <OwnContribution
            key={c.contributionId}
            contribution={c}
            title={<Text fw={600}>Your contribution</Text>}
            announce={setConfirmation}
          />
        ))}
      </Stack>
    </Stack>
  );
}
