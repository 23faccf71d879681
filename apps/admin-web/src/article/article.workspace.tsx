import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { ARTICLE_LIMITS, type ArticleView, type Role } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, http } from '../api/http';
import { queryKeys } from '../api/query-keys';
import { mayWrite } from '../auth/abilities';
import { CountedInput } from '../components/counted-input';
import { fromLocalInput, toLocalInput } from '../components/instant';
import { ListInput } from '../components/list-input';
import { HistoryLink } from '../history/history-link';
import type { ArticleAction } from './article-actions';
import { fetchArticle } from './article.queries';
import { BodyBlocksEditor } from './body-blocks.editor';
import { changedFields, draftOf, type FieldsDraft } from './fields-draft';
import { PeoplePanel } from './people.panel';
import { describeSaveState, type SaveState } from './save-state';
import { StatusBar } from './status-bar';
import { unsavedCopies } from './unsaved-copy';

interface Props {
  initial: ArticleView;
  roles: readonly Role[];
}

const L = ARTICLE_LIMITS;

export function ArticleWorkspace({ initial, roles }: Props) {
  const queries = useQueryClient();
  const id = initial.articleId;
  const [article, setArticle] = useState(initial);
  // What the user's edits started from: only fields that differ from it are sent.
  const [base, setBase] = useState(() => draftOf(initial.working));
  const [draft, setDraft] = useState(base);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [offered, setOffered] = useState(() => unsavedCopies.read(id));
  const readOnly = !mayWrite(roles);
  const changes = changedFields(base, draft);
  const dirty = Object.keys(changes).length > 0;

  // Every keystroke is kept in this browser until it is saved.
  useEffect(() => {
    if (dirty && !offered) {
      unsavedCopies.write(id, { baseVersion: article.version, base, draft, savedAt: new Date().toISOString() });
    }
  }, [id, dirty, offered, article.version, base, draft]);

  function edit(patch: Partial<FieldsDraft>) {
    setDraft({ ...draft, ...patch });
    if (state.kind !== 'conflict') setState({ kind: 'unsaved' });
  }

  async function settle(version: number) {
    const next = await fetchArticle(id, version);
    setArticle(next);
    setBase(draftOf(next.working));
    setDraft(draftOf(next.working));
    unsavedCopies.clear(id);
    setState({ kind: 'saved' });
    queries.setQueryData(queryKeys.article(id), next);
    void queries.invalidateQueries({ queryKey: queryKeys.articleLists() });
  }

  /** Sends the user's changes against `version`: their edited version, or the latest after a conflict. */
  async function save(version = article.version) {
    setState({ kind: 'saving' });
    try {
      const { data } = await http<{ version: number }>(`/api/articles/${id}`, {
        method: 'PATCH',
        body: changes,
        ifMatch: version,
      });
      await settle(data.version);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const latest = await fetchArticle(id);
        const theirFields = Object.keys(changedFields(base, draftOf(latest.working)));
        setState({ kind: 'conflict', latest, theirFields });
      } else {
        setState({ kind: 'failed', message: (err as Error).message });
      }
    }
  }

  async function run(action: ArticleAction, body: Record<string, unknown>) {
    const { data } = await http<{ version: number }>(`/api/articles/${id}/${action.path}`, {
      method: 'POST',
      body,
      ifMatch: article.version,
    });
    await settle(data.version);
  }

  const photos = article.working.photos;
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {article.working.headline || 'Untitled'}
      </Title>
      <HistoryLink articleId={id} />
      <Text role="status" size="sm">
        {describeSaveState(state, article)}
      </Text>
      {offered && (
        <Alert color="yellow" title="Unsaved changes found">
          <Text size="sm">
            This browser kept changes you made to version {offered.baseVersion} that were not saved.
          </Text>
          <Group mt="xs">
            <Button
              size="xs"
              onClick={() => {
                setBase(offered.base);
                setDraft(offered.draft);
                setOffered(null);
                setState({ kind: 'unsaved' });
              }}
            >
              Restore my unsaved changes
            </Button>
            <Button size="xs" variant="default" onClick={() => (unsavedCopies.clear(id), setOffered(null))}>
              Discard them
            </Button>
          </Group>
        </Alert>
      )}
      {state.kind === 'conflict' && (
        <Alert color="orange" title="Someone else saved first" role="alert">
          <Text size="sm">
            {state.latest.updatedBy.name} saved version {state.latest.version} while you were editing
            {state.theirFields.length > 0 ? ` (changed: ${state.theirFields.join(', ')})` : ''}. Your text is kept here.
          </Text>
          <Button size="xs" mt="xs" onClick={() => void save(state.latest.version)}>
            Apply my changes on version {state.latest.version}
          </Button>
        </Alert>
      )}
      {readOnly ? (
        <Text size="sm" role="note">
          Read only: your role may read, replay and verify articles, not change them.
        </Text>
      ) : (
        <StatusBar article={article} roles={roles} dirty={dirty} run={run} />
      )}
      <form
        aria-label="Article fields"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <CountedInput
            label="Headline"
            value={draft.headline}
            max={L.headlineMaxLength}
            readOnly={readOnly}
            onChange={(headline) => edit({ headline })}
          />
          <CountedInput
            label="Standfirst"
            multiline
            value={draft.standfirst}
            max={L.standfirstMaxLength}
            readOnly={readOnly}
            onChange={(standfirst) => edit({ standfirst })}
          />
          <CountedInput
            label="Dateline"
            value={draft.dateline}
            max={L.datelineMaxLength}
            readOnly={readOnly}
            onChange={(dateline) => edit({ dateline })}
          />
          <Group grow align="start" key={`lists-${article.version}-${offered ? 1 : 0}`}>
            <ListInput
              label="Sections"
              values={draft.sections}
              maxCount={L.sectionsMaxCount}
              readOnly={readOnly}
              onChange={(sections) => edit({ sections })}
            />
            <ListInput
              label="Tags"
              values={draft.tags}
              maxCount={L.tagsMaxCount}
              readOnly={readOnly}
              onChange={(tags) => edit({ tags })}
            />
          </Group>
          <Group grow align="start">
            <TextInput
              label="Language"
              description="A language tag such as en or en-GB"
              value={draft.language}
              readOnly={readOnly}
              onChange={(e) => edit({ language: e.currentTarget.value })}
            />
            <CountedInput
              label="Source"
              value={draft.source}
              max={L.sourceMaxLength}
              readOnly={readOnly}
              onChange={(source) => edit({ source })}
            />
            <TextInput
              label="Embargo until (your local time)"
              type="datetime-local"
              readOnly={readOnly}
              value={toLocalInput(draft.embargoUntil)}
              onChange={(e) => edit({ embargoUntil: fromLocalInput(e.currentTarget.value) })}
            />
          </Group>
          <BodyBlocksEditor
            blocks={draft.body}
            photos={photos}
            readOnly={readOnly}
            onChange={(body) => edit({ body })}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" disabled={!dirty || state.kind === 'saving' || state.kind === 'conflict'}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <PeoplePanel article={article} />
    </Stack>
  );
}
