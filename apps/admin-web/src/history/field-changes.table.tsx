import { Code, Table, Text } from '@mantine/core';
import type { FieldChange } from '@newsroom/contracts';
import { describeValue, fieldLabel } from './field-value';

function Value({ v }: { v: unknown }) {
  const text = describeValue(v);
  // Structured values (body blocks, contributors) keep their shape; plain ones read as text.
  return text.includes('\n') ? (
    <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
      {text}
    </Code>
  ) : (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

/** Each field a change touched, before and after. */
export function FieldChangesTable({ changes, caption }: { changes: readonly FieldChange[]; caption: string }) {
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
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Th scope="row">{fieldLabel(c.field)}</Table.Th>
            <Table.Td>
              <Value v={c.before} />
            </Table.Td>
            <Table.Td>
              <Value v={c.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
