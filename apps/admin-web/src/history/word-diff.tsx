import { Paper, Text, Title, VisuallyHidden } from '@mantine/core';
import type { TextDiffPart } from '@newsroom/contracts';

// Colour is never the only cue: added words are underlined and removed ones struck through, and a
// screen reader hears "added" / "removed" around each change.
const INSERT = { background: '#d3f9d8', color: '#0b4a1c' };
const DELETE = { background: '#ffe3e3', color: '#7a1010' };

/** Text with its changes marked inline: what stayed, what was added and what was removed. */
export function DiffText({ parts }: { parts: readonly TextDiffPart[] }) {
  return (
    <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, overflowWrap: 'anywhere' }}>
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
  );
}

export function DiffKey() {
  return (
    <Text size="xs" c="dimmed" mt="xs">
      Key: <span style={{ ...INSERT, textDecoration: 'underline' }}>underlined words were added</span>,{' '}
      <span style={{ ...DELETE, textDecoration: 'line-through' }}>struck-through words were removed</span>.
    </Text>
  );
}

/** The body's text, word by word: what stayed, what was added and what was removed. */
export function WordDiff({ parts }: { parts: readonly TextDiffPart[] }) {
  const changed = parts.some((p) => p.op !== 'equal');
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="word-diff-title">
      <Title order={3} size="h5" id="word-diff-title" mb="xs">
        Body, word by word
      </Title>
      {!changed && <Text size="sm">The body did not change.</Text>}
      <DiffText parts={parts} />
      {changed && <DiffKey />}
    </Paper>
  );
}
