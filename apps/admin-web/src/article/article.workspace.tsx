import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ArticleChange, ArticleView, Role } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { queryKeys } from '../api/query-keys';
import { mayAttempt, mayWrite } from '../auth/abilities';
import { InboxPanel } from '../contributions/inbox.panel';
import { HistoryLink } from '../history/history-link';
import { sendArticleCommand, type SendCommand } from './article.commands';
import { fetchArticle } from './article.queries';
import { ConflictPanel } from './conflict.panel';
import { conflictOf, reapply, reapplyAll, type Conflict } from './conflict.merge';
import { ContributorsPanel } from './contributors.panel';
import { changedFields, draftOf, type FieldsDraft } from './fields-draft';
import { FieldsForm } from './fields.form';
import { PhotosPanel } from './photos.panel';
import { RedactionsPanel } from '../redaction/redactions.panel';
import { fieldErrorsOf, sentenceOf, type FieldErrors } from './refusal.sentence';
import { describeSaveState, type SaveState } from './save-state';
import { StatusBar } from './status-bar';
import { UnsavedCopyOffer } from './unsaved-copy.offer';
import { unsavedCopies, type UnsavedCopy } from './unsaved-copy';
import { useArticleChanges } from '../live/live-updates';
import { Announcement } from '../components/announcement';

interface Props {
  initial: ArticleView;
  roles: readonly Role[];
  userId: string;
}

export function ArticleWorkspace({ initial, roles, userId }: Props) {
  const queries = useQueryClient();
  const id = initial.articleId;
  const [article, setArticle] = useState(initial);
  // What the user's edits started from: only fields that differ from it are sent.
  const [base, setBase] = useState(() => draftOf(initial.working));
  const [draft, setDraft] = useState(base);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [offered, setOffered] = useState(() => unsavedCopies.read(id));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [revision, setRevision] = useState(0);
  const [heard, setHeard] = useState<ArticleChange | null>(null);
  const [notice, setNotice] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // Async work reads these, not the values captured when it started.
  const now = useRef({ version: initial.version, base, draft });
  now.current = { version: article.version, base, draft };
  const readOnly = !mayWrite(roles);
  const dirty = Object.keys(changedFields(base, draft)).length > 0;

  // Every keystroke is kept in this browser until it is saved. During a conflict the copy holds the
  // editor's whole version, written when the conflict was found, until a save settles it.
  useEffect(() => {
    if (dirty && !offered && !conflict) {
      unsavedCopies.write(id, { baseVersion: article.version, base, draft, savedAt: new Date().toISOString() });
    }
  }, [id, dirty, offered, conflict, article.version, base, draft]);

  // The server named fields: the first one gets the focus, so a keyboard user lands on it.
  useEffect(() => {
    if (Object.keys(errors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  /** Shows `next`, keeping the edits the user has not saved (`keep`) on top of it. */
  function adopt(next: ArticleView, keep: Partial<FieldsDraft>) {
    const nextBase = draftOf(next.working);
    now.current = { version: next.version, base: nextBase, draft: { ...nextBase, ...keep } };
    setArticle(next);
    setBase(nextBase);
    setDraft(now.current.draft);
    setRevision((r) => r + 1);
    queries.setQueryData(queryKeys.article(id), next);
    void queries.invalidateQueries({ queryKey: queryKeys.articleLists() });
  }

  function edit(patch: Partial<FieldsDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    if (state.kind !== 'conflict') setState({ kind: 'unsaved' });
  }

  /** A colleague saved first: the form shows their version, the panel holds the user's own. */
  async function meetConflict() {
    const { version, base: myBase, draft: mine } = now.current;
    const latest = await fetchArticle(id);
    unsavedCopies.write(id, { baseVersion: version, base: myBase, draft: mine, savedAt: new Date().toISOString() });
    setConflict(conflictOf(version, latest.version, myBase, mine));
    adopt(latest, {});
    setHeard(null);
    setState({ kind: 'conflict', by: latest.updatedBy.name, version: latest.version });
  }

  async function save() {
    const sent = now.current.draft;
    setState({ kind: 'saving' });
    try {
      const version = await sendArticleCommand(
        id,
        now.current.version,
        'PATCH',
        '',
        changedFields(now.current.base, sent),
      );
      const next = await fetchArticle(id, version);
      // What was typed while the save was under way stays an unsaved edit.
      const typedMeanwhile = changedFields(sent, now.current.draft);
      adopt(next, typedMeanwhile);
      setConflict(null);
      setErrors({});
      if (Object.keys(typedMeanwhile).length === 0) unsavedCopies.clear(id);
      setState({ kind: Object.keys(typedMeanwhile).length === 0 ? 'saved' : 'unsaved' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) return meetConflict().catch((e) => failed(e));
      setErrors(fieldErrorsOf(err));
      failed(err);
    }
  }

  function failed(err: unknown) {
    setState({ kind: 'failed', message: sentenceOf(err, 'Your change') });
  }

  /** Panels and transitions: against the latest version the workspace knows, the user's edits kept. */
  const send: SendCommand = async (method, path, body) => {
    const keep = () => changedFields(now.current.base, now.current.draft);
    try {
      const version = await sendArticleCommand(id, now.current.version, method, path, body);
      adopt(await fetchArticle(id, version), keep());
      return version;
    } catch (err) {
      // The user tries again on the version they now see; the dialog keeps what they typed.
      if (err instanceof ApiError && err.status === 412) adopt(await fetchArticle(id), keep());
      throw err;
    }
  };

  /** A redaction (or a refusal that says the article moved): shown at once, the unsaved edits kept. */
  async function redacted(version?: number) {
    adopt(await fetchArticle(id, version), changedFields(now.current.base, now.current.draft));
  }

  useArticleChanges((change) => {
    if (change) setHeard((h) => (h && h.version >= change.version ? h : change));
    else
      void fetchArticle(id)
        .then((a) => setHeard({ ...a, articleId: id, headline: a.working.headline }))
        .catch(() => undefined);
  }, id);

  // A colleague's change: taken at once when nothing is unsaved, told otherwise, never overwriting.
  useEffect(() => {
    if (!heard || heard.version <= article.version) return;
    if (dirty || conflict || state.kind !== 'saved') {
      setNotice(
        `${heard.updatedBy.name} changed this article — version ${heard.version}. ` +
          'Your unsaved changes are kept; saving will show what changed.',
      );
      return;
    }
    let stale = false;
    void fetchArticle(id, heard.version)
      .then((next) => {
        if (stale || now.current.version >= next.version) return;
        adopt(next, {});
        setNotice(`${next.updatedBy.name} changed this article — now showing version ${next.version}.`);
      })
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [heard, article.version, dirty, conflict, state.kind, id]);

  function restore(copy: UnsavedCopy) {
    setOffered(null);
    if (copy.baseVersion === article.version) {
      setBase(copy.base);
      setDraft(copy.draft);
      setRevision((r) => r + 1);
      setState({ kind: 'unsaved' });
    } else {
      // The copy started from an older version: re-applied field by field like any conflict.
      setConflict(conflictOf(copy.baseVersion, article.version, copy.base, copy.draft));
      setState({ kind: 'conflict', by: article.updatedBy.name, version: article.version });
    }
  }

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {article.working.headline || 'Untitled'}
      </Title>
      <HistoryLink articleId={id} />
      <Text role="status" size="sm">
        {describeSaveState(state, article, readOnly)}
      </Text>
      <Announcement text={notice} />
      {offered && (
        <UnsavedCopyOffer
          copy={offered}
          onRestore={() => restore(offered)}
          onDiscard={() => (unsavedCopies.clear(id), setOffered(null))}
        />
      )}
      {conflict && (
        <ConflictPanel
          articleId={id}
          conflict={conflict}
          draft={draft}
          reapply={(f) => (setDraft(reapply(draft, conflict, f)), setRevision((r) => r + 1))}
          reapplyAll={() => (setDraft(reapplyAll(draft, conflict)), setRevision((r) => r + 1))}
          dismiss={() => {
            setConflict(null);
            if (!dirty) unsavedCopies.clear(id);
            setState({ kind: dirty ? 'unsaved' : 'saved' });
          }}
        />
      )}
      {readOnly ? (
        <Text size="sm" role="note">
          Read only: your role may read, replay and verify articles, not change them.
        </Text>
      ) : (
        <StatusBar
          article={article}
          roles={roles}
          dirty={dirty}
          run={async (action, body) => void (await send('POST', `/${action.path}`, body))}
        />
      )}
      <form
        ref={form}
        aria-label="Article fields"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <FieldsForm
            draft={draft}
            photos={article.working.photos}
            readOnly={readOnly}
            errors={errors}
            revision={revision}
            edit={edit}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" disabled={!dirty || state.kind === 'saving'}>
                {conflict ? `Save on version ${article.version}` : 'Save'}
              </Button>
            </Group>
          )}
          {state.kind === 'failed' && (
            <Alert color="red" role="alert">
              {state.message}
            </Alert>
          )}
        </Stack>
      </form>
      <ContributorsPanel contributors={article.working.contributors} readOnly={readOnly} send={send} />
      <PhotosPanel photos={article.working.photos} readOnly={readOnly} send={send} />
      <InboxPanel articleId={id} roles={roles} />
      {mayAttempt(roles, 'RequestRedaction') && (
        <RedactionsPanel articleId={id} version={article.version} userId={userId} dirty={dirty} changed={redacted} />
      )}
    </Stack>
  );
}
