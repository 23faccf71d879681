import { Paper, Text, VisuallyHidden } from '@mantine/core';
import type { TextDiffPart } from '@newsroom/contracts';

// Colour is never the only cue: added words are underlined and removed ones struck through, and a
// screen reader hears "added" / "removed" around each change.
const INSERT = { background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-green-9)' };
const DELETE = { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' };

/** The body's text, word by word: what stayed, what was added and what was removed. */
export function WordDiff({ parts }: { parts: readonly TextDiffPart[] }) {
  const changed = parts.some((p) => p.op !== 'equal');
  return (
    <Paper withBorder p="sm">
      {!changed && <Text size="sm">The body did not change.</Text>}
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
        {parts.map((p, i) =>
          p.op === 'equal' ? (
            <span key={i}>{p.text}</span>
          ) : p.op === 'insert' ? (
            <ins key={i} style={INSERT}>
              <VisuallyHidden>[added: </VisuallyHidden>
              {p.text}
              <VisuallyHidden>]</VisuallyHidden>
            </ins>
          ) : (
            <del key={i} style={DELETE}>
              <VisuallyHidden>[removed: </VisuallyHidden>
              {p.text}
              <VisuallyHidden>]</VisuallyHidden>
            </del>
          ),
        )}
      </Text>
      {changed && (
        <Text size="xs" c="dimmed" mt="xs">
          Key: <ins style={INSERT}>underlined words were added</ins>,{' '}
          <del style={DELETE}>struck-through words were removed</del>.
        </Text>
      )}
    </Paper>
  );
}
