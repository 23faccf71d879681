import { Code, Table, Text } from '@mantine/core';
import type { BodyBlockView, FieldChange } from '@newsroom/contracts';
import { bodyWordDiff, isBody, type CaptionOf } from './body-text';
import { describeValue, fieldLabel } from './field-value';
import { usePhotoCaptions } from './photo-captions';
import { DiffText } from './word-diff';

function Value({ v, captionOf }: { v: unknown; captionOf: CaptionOf }) {
  const text = describeValue(v, captionOf);
  // Only what has no reading of its own stays JSON, in a scrolling block; the rest reads as text.
  return text.startsWith('{') || text.startsWith('[') ? (
    <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
      {text}
    </Code>
  ) : (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

/** A body before and after, which reads best as one text with its changes marked. */
export function bodiesOf(c: FieldChange): [BodyBlockView[], BodyBlockView[]] | undefined {
  const [before, after] = [c.before ?? [], c.after ?? []];
  return c.field === 'body' && isBody(before) && isBody(after) ? [before, after] : undefined;
}

interface Props {
  changes: readonly FieldChange[];
  caption: string;
  /** Where the page shows the body's word diff itself (the comparison), the table points there. */
  bodyDiffElsewhere?: string;
}

/** Each field a change touched, before and after; the body as its words, added and removed. */
export function FieldChangesTable({ changes, caption, bodyDiffElsewhere }: Props) {
  const captionOf = usePhotoCaptions();
  if (changes.length === 0) {
    return <Text size="sm">No field of the working copy changed.</Text>;
  }
  return (
    <Table withTableBorder withColumnBorders layout="fixed" captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="20%">
            Field
          </Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => {
          const bodies = bodiesOf(c);
          return (
            <Table.Tr key={c.field}>
              <Table.Th scope="row">{fieldLabel(c.field)}</Table.Th>
              {bodies ? (
                <Table.Td colSpan={2}>
                  {bodyDiffElsewhere ? (
                    <Text size="sm">Changed: {bodyDiffElsewhere}.</Text>
                  ) : (
                    <DiffText parts={bodyWordDiff(...bodies, captionOf)} />
                  )}
                </Table.Td>
              ) : (
                <>
                  <Table.Td>
                    <Value v={c.before} captionOf={captionOf} />
                  </Table.Td>
                  <Table.Td>
                    <Value v={c.after} captionOf={captionOf} />
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
