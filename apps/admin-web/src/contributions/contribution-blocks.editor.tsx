import { Button, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { CONTRIBUTION_BLOCK_TYPES, CONTRIBUTION_LIMITS as C, type ContributionBlockView } from '@newsroom/contracts';
import { useState } from 'react';
import { errorAt, type FieldErrors } from '../article/refusal.sentence';
import { emptyBlock } from './contribution-draft';

type BlockType = ContributionBlockView['type'];
export const BLOCK_LABELS: Record<BlockType, string> = {
  paragraph: 'Paragraph',
  subheading: 'Subheading',
  quote: 'Quote',
};

interface Props {
  blocks: ContributionBlockView[];
  errors: FieldErrors;
  onChange(blocks: ContributionBlockView[]): void;
}

/** The contribution's text as blocks; every action is a labelled button, so the keyboard does it all. */
export function ContributionBlocksEditor({ blocks, errors, onChange }: Props) {
  const [newType, setNewType] = useState<BlockType>('paragraph');
  const set = (i: number, block: ContributionBlockView) => onChange(blocks.map((b, j) => (j === i ? block : b)));
  const move = (i: number, to: number) => {
    const next = [...blocks];
    next.splice(to, 0, ...next.splice(i, 1));
    onChange(next);
  };

  return (
    <Fieldset legend={`Your text (${blocks.length} ${blocks.length === 1 ? 'block' : 'blocks'})`}>
      <Stack>
        {errors.blocks && (
          <Text c="red.9" size="sm" role="alert">
            Blocks: {errors.blocks}
          </Text>
        )}
        {blocks.map((block, i) => {
          const name = `${BLOCK_LABELS[block.type]} ${i + 1}`;
          return (
            <Stack key={i} gap={4} component="section" aria-label={`Block ${i + 1} of ${blocks.length}`}>
              <Textarea
                label={name}
                autosize
                minRows={block.type === 'subheading' ? 1 : 2}
                maxLength={C.blockTextMaxLength}
                error={errors[`blocks[${i}].text`] ?? errorAt(errors, `blocks[${i}].type`)}
                value={block.text}
                onChange={(e) => set(i, { ...block, text: e.currentTarget.value })}
              />
              {block.type === 'quote' && (
                <TextInput
                  label={`Attribution of quote ${i + 1}`}
                  description="Who said it, as it should read: “Ana Ruiz, the port's director”"
                  error={errors[`blocks[${i}].attribution`]}
                  value={block.attribution ?? ''}
                  onChange={(e) => set(i, { ...block, attribution: e.currentTarget.value })}
                />
              )}
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={i === 0} onClick={() => move(i, i - 1)}>
                  Move {name} up
                </Button>
                <Button size="xs" variant="default" disabled={i === blocks.length - 1} onClick={() => move(i, i + 1)}>
                  Move {name} down
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  c="red.9"
                  disabled={blocks.length === 1}
                  onClick={() => onChange(blocks.filter((_, j) => j !== i))}
                >
                  Delete {name}
                </Button>
              </Group>
            </Stack>
          );
        })}
        <Group align="end">
          <NativeSelect
            label="Type of new block"
            value={newType}
            onChange={(e) => setNewType(e.currentTarget.value as BlockType)}
            data={CONTRIBUTION_BLOCK_TYPES.map((t) => ({ value: t, label: BLOCK_LABELS[t] }))}
          />
          <Button
            variant="default"
            disabled={blocks.length >= C.blocksMaxCount}
            onClick={() => onChange([...blocks, emptyBlock(newType)])}
          >
            Add {BLOCK_LABELS[newType].toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
