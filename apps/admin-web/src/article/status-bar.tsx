import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import type { ArticleView, Role } from '@newsroom/contracts';
import { useState } from 'react';
import { allowedFrom, mayAttempt } from '../auth/abilities';
import { STATUS_LABELS } from '../components/format';
import { ARTICLE_ACTIONS, inputOf, type ArticleAction } from './article-actions';
import { ActionDialog } from './action.dialog';
import { sentenceOf } from './refusal.sentence';

interface Props {
  article: ArticleView;
  roles: readonly Role[];
  /** Unsaved edits: a transition would act on the saved copy, so the user saves first. */
  dirty: boolean;
  run(action: ArticleAction, body: Record<string, unknown>): Promise<void>;
}

/**
 * The transitions the user's roles may ever make; those the article's status does not allow now are
 * listed with the reason. A role that may never make one does not see it at all.
 */
export function StatusBar({ article, roles, dirty, run }: Props) {
  const [open, setOpen] = useState<ArticleAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = ARTICLE_ACTIONS.filter((a) => mayAttempt(roles, a.command));
  const now = mine.filter((a) => allowedFrom(a.command).includes(article.status));
  const later = mine.filter((a) => !now.includes(a));

  async function go(action: ArticleAction, body: Record<string, unknown>) {
    setError(null);
    try {
      await run(action, body);
      setOpen(null);
    } catch (err) {
      setError(sentenceOf(err, action.label));
      throw err;
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="Workflow">
      <Group justify="space-between" align="start">
        <Text fw={600}>Status: {STATUS_LABELS[article.status]}</Text>
        <Group gap="xs">
          {now.map((a) => (
            <Button
              key={a.command}
              disabled={dirty}
              onClick={() => (inputOf(a, article) === 'none' ? void go(a, {}).catch(() => undefined) : setOpen(a))}
            >
              {a.label}
            </Button>
          ))}
        </Group>
      </Group>
      {dirty && now.length > 0 && (
        <Text size="sm" mt="xs">
          Save your changes before changing the status.
        </Text>
      )}
      {later.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          Not available now:{' '}
          {later
            .map(
              (a) =>
                `${a.label} (only when ${allowedFrom(a.command)
                  .map((s) => STATUS_LABELS[s])
                  .join(', ')})`,
            )
            .join('; ')}
        </Text>
      )}
      {error && !open && (
        <Alert color="red" role="alert" mt="xs">
          {error}
        </Alert>
      )}
      {open && (
        <ActionDialog
          action={open}
          input={inputOf(open, article)}
          error={error}
          onClose={() => setOpen(null)}
          onSubmit={(body) => go(open, body)}
        />
      )}
    </Paper>
  );
}
