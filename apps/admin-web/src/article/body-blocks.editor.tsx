import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { BodyBlockType, BodyBlockView, PhotoView } from '@newsroom/contracts';
import { BODY_BLOCK_TYPES } from '@newsroom/contracts';
import { memo, startTransition, useCallback, useEffect, useId, useRef, useState } from 'react';
import classes from './body-block.module.css';
import { errorAt, type FieldErrors } from './refusal.sentence';

const TYPE_LABELS: Record<BodyBlockType, string> = {
  paragraph: 'Paragraph',
  subheading: 'Subheading',
  quote: 'Quote',
  photo: 'Photo',
};

function emptyBlock(type: BodyBlockType, photos: PhotoView[]): BodyBlockView {
  if (type === 'photo') return { type, photoId: photos[0]?.photoId ?? '' };
  if (type === 'quote') return { type, text: '', attribution: '' };
  return { type, text: '' };
}

interface Props {
  blocks: BodyBlockView[];
  photos: PhotoView[];
  readOnly: boolean;
  errors?: FieldErrors;
  onChange(blocks: BodyBlockView[]): void;
}

type BlockAction =
  { kind: 'set'; block: BodyBlockView } | { kind: 'move'; to: number } | { kind: 'insert-after' } | { kind: 'delete' };

/**
 * The body as a list of blocks. Every action is a labelled button (insert, move, delete), so all of
 * it works from the keyboard; nothing depends on dragging.
 */
export function BodyBlocksEditor({ blocks, photos, readOnly, errors = {}, onChange }: Props) {
  const [newType, setNewType] = useState<BodyBlockType>('paragraph');
  // One stable handler for every row: a keystroke in one block re-renders that row only, which
  // keeps a 500-block body responsive (rows are memoized and would otherwise get new closures).
  const latest = useRef({ blocks, photos, newType, onChange });
  latest.current = { blocks, photos, newType, onChange };
  const act = useCallback((i: number, action: BlockAction) => {
    const { blocks: now, photos: attached, newType: type, onChange: change } = latest.current;
    const next = [...now];
    if (action.kind === 'set') next[i] = action.block;
    else if (action.kind === 'delete') next.splice(i, 1);
    else if (action.kind === 'insert-after') next.splice(i + 1, 0, emptyBlock(type, attached));
    else next.splice(action.to, 0, ...next.splice(i, 1));
    change(next);
  }, []);

  const shown = useProgressiveCount(blocks.length);

  return (
    <Fieldset legend={`Body (${blocks.length} ${blocks.length === 1 ? 'block' : 'blocks'})`}>
      <Stack>
        {errors.body && (
          <Text c="red.9" size="sm" role="alert">
            Body: {errors.body}
          </Text>
        )}
        {blocks.slice(0, shown).map((block, i) => (
          <BlockRow
            key={i}
            index={i}
            count={blocks.length}
            block={block}
            photos={photos}
            readOnly={readOnly}
            newType={newType}
            // A photo block has no text field: anything wrong under it shows on its select.
            error={
              block.type === 'photo'
                ? errorAt(errors, `body[${i}]`)
                : (errors[`body[${i}].text`] ?? errors[`body[${i}]`])
            }
            attributionError={errors[`body[${i}].attribution`]}
            act={act}
          />
        ))}
        {shown < blocks.length && (
          <Text size="sm" c="dimmed">
            Showing blocks 1–{shown} of {blocks.length}; the rest follow in a moment.
          </Text>
        )}
        {!readOnly && (
          <Group align="end">
            <NativeSelect
              label="Type of new block"
              value={newType}
              onChange={(e) => setNewType(e.currentTarget.value as BodyBlockType)}
              data={BODY_BLOCK_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            />
            <Button variant="default" onClick={() => onChange([...blocks, emptyBlock(newType, photos)])}>
              Add {TYPE_LABELS[newType].toLowerCase()} at the end
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

const FIRST_BLOCKS = 30;
const MORE_BLOCKS = 60;

/**
 * How many blocks to render: the first screenfuls at once, the rest in low-priority chunks between
 * which the browser handles input, so a 500-block article takes typing long before its last block
 * is built. Once all are shown, all stay (inserting blocks never hides any).
 */
function useProgressiveCount(total: number): number {
  const [limit, setLimit] = useState(() => (total <= FIRST_BLOCKS ? Infinity : FIRST_BLOCKS));
  useEffect(() => {
    if (limit >= total) return;
    // After the next frame, not before it: a chunk built at once would hold back the paint of the
    // blocks already there (the first screenful waited on the second).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        startTransition(() => setLimit((l) => (l + MORE_BLOCKS >= total ? Infinity : l + MORE_BLOCKS))),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [limit, total]);
  return Math.min(limit, total);
}

interface RowProps {
  index: number;
  count: number;
  block: BodyBlockView;
  photos: PhotoView[];
  readOnly: boolean;
  newType: BodyBlockType;
  error?: string;
  attributionError?: string;
  act(i: number, action: BlockAction): void;
}

// A row is plain elements styled by body-block.module.css, not Mantine's inputs and buttons: a
// 500-block body was otherwise some 3,000 Mantine components, most of the workspace's time before
// it took input. Labels, error descriptions and button names are the same as Mantine's would be.
const BlockRow = memo(function BlockRow({
  index: i,
  count,
  block,
  photos,
  readOnly,
  newType,
  error,
  attributionError,
  act,
}: RowProps) {
  const name = `${TYPE_LABELS[block.type]} ${i + 1}`;
  const set = (next: BodyBlockView) => act(i, { kind: 'set', block: next });
  return (
    <section aria-label={`Block ${i + 1} of ${count}`} className={classes.block}>
      {block.type === 'photo' ? (
        <NativeSelect
          label={name}
          description="One of the attached photos, by caption"
          disabled={readOnly}
          error={error}
          value={block.photoId}
          onChange={(e) => set({ type: 'photo', photoId: e.currentTarget.value })}
          data={[
            { value: '', label: 'Choose a photo' },
            ...photos.map((p) => ({ value: p.photoId, label: p.caption || p.url })),
          ]}
        />
      ) : (
        <PlainField
          label={name}
          multiline
          rows={block.type === 'subheading' ? 1 : 2}
          readOnly={readOnly}
          error={error}
          value={block.text}
          onChange={(text) => set({ ...block, text })}
        />
      )}
      {block.type === 'quote' && (
        <PlainField
          label={`Attribution of quote ${i + 1}`}
          readOnly={readOnly}
          error={attributionError}
          value={block.attribution ?? ''}
          onChange={(attribution) => set({ ...block, attribution })}
        />
      )}
      {!readOnly && (
        <div className={classes.actions}>
          <button
            type="button"
            className={classes.action}
            disabled={i === 0}
            onClick={() => act(i, { kind: 'move', to: i - 1 })}
          >
            Move {name} up
          </button>
          <button
            type="button"
            className={classes.action}
            disabled={i === count - 1}
            onClick={() => act(i, { kind: 'move', to: i + 1 })}
          >
            Move {name} down
          </button>
          <button type="button" className={classes.action} onClick={() => act(i, { kind: 'insert-after' })}>
            Insert {TYPE_LABELS[newType].toLowerCase()} after {name}
          </button>
          <button
            type="button"
            className={`${classes.action} ${classes.delete}`}
            onClick={() => act(i, { kind: 'delete' })}
          >
            Delete {name}
          </button>
        </div>
      )}
    </section>
  );
});

interface FieldProps {
  label: string;
  value: string;
  readOnly: boolean;
  error?: string;
  multiline?: boolean;
  rows?: number;
  onChange(value: string): void;
}

/** A labelled text field whose error, when there is one, is its description (as Mantine's are). */
function PlainField({ label, value, readOnly, error, multiline, rows, onChange }: FieldProps) {
  const id = useId();
  const field = {
    id,
    className: classes.input,
    value,
    readOnly,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div>
      <label htmlFor={id} className={classes.label}>
        {label}
      </label>
      {multiline ? (
        <textarea {...field} rows={rows} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input {...field} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className={classes.error}>
          {error}
        </p>
      )}
    </div>
  );
}
