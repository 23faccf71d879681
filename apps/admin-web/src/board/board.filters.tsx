import { Button, Group, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { parseBoardSearch, type BoardSearch } from './board.search';

/** Section, contributor and words, as GET /api/articles filters them; applied to the URL. */
export function BoardFilters({ search }: { search: BoardSearch }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<BoardSearch>(search);
  const field = (key: keyof BoardSearch) => ({
    value: draft[key] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.currentTarget.value }),
  });

  function apply(e: FormEvent) {
    e.preventDefault();
    void navigate({ to: '/board', search: parseBoardSearch({ ...draft }) });
  }

  return (
    <form onSubmit={apply} role="search" aria-label="Filter the board">
      <Group align="end">
        <TextInput label="Section" {...field('section')} />
        <TextInput label="Contributor" {...field('contributor')} />
        <TextInput label="Words in headline or standfirst" {...field('q')} />
        <Button type="submit">Filter</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft({});
            void navigate({ to: '/board', search: {} });
          }}
        >
          Clear filters
        </Button>
      </Group>
    </form>
  );
}
