import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { ARTICLE_EVENT_TYPES, type AuditFilter } from '@newsroom/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { fromUtcInput, toUtcInput } from '../history/utc-time';
import { AUDIT_ROLES, parseAuditSearch } from './audit.search';

type Draft = Record<keyof AuditFilter, string>;

const draftOf = (f: AuditFilter): Draft => ({
  actor: f.actor ?? '',
  role: f.role ?? '',
  type: f.type ?? '',
  article: f.article ?? '',
  since: toUtcInput(f.since),
  until: toUtcInput(f.until),
});

/** Actor, role, event type, article and time range, as GET /api/audit filters them; applied to the URL. */
export function AuditFilters({ filter }: { filter: AuditFilter }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter));
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [key]: e.currentTarget.value }),
  });

  function apply(e: FormEvent) {
    e.preventDefault();
    const search = parseAuditSearch({ ...draft, since: fromUtcInput(draft.since), until: fromUtcInput(draft.until) });
    void navigate({ to: '/audit', search });
  }

  return (
    <form onSubmit={apply} role="search" aria-label="Filter the audit log">
      <Group align="end" gap="sm">
        <TextInput label="Article id" w={320} {...field('article')} />
        <TextInput label="Actor id" {...field('actor')} />
        <NativeSelect
          label="Role"
          data={[{ value: '', label: 'Any role' }, ...AUDIT_ROLES.map((r) => ({ value: r, label: r }))]}
          {...field('role')}
        />
        <NativeSelect
          label="Event type"
          data={[{ value: '', label: 'Any event' }, ...ARTICLE_EVENT_TYPES.map((t) => ({ value: t, label: t }))]}
          {...field('type')}
        />
        <TextInput type="datetime-local" step={1} label="From (UTC)" {...field('since')} />
        <TextInput type="datetime-local" step={1} label="Until (UTC, not included)" {...field('until')} />
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(draftOf({}));
            void navigate({ to: '/audit', search: {} });
          }}
        >
          Clear filters
        </Button>
      </Group>
    </form>
  );
}
