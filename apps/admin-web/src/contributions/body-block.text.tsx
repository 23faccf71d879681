import { Text, Title } from '@mantine/core';
import type { BodyBlockView, PhotoView } from '@newsroom/contracts';

/** One body block as a reader would see it; a photo is named by caption, not loaded. */
export function BodyBlockText({ block, photos = [] }: { block: BodyBlockView; photos?: readonly PhotoView[] }) {
  switch (block.type) {
    case 'paragraph':
      return <Text size="sm">{block.text}</Text>;
    case 'subheading':
      return (
        <Title order={4} size="h6">
          {block.text}
        </Title>
      );
    case 'quote':
      return (
        <Text size="sm" fs="italic">
          “{block.text}”{block.attribution ? ` — ${block.attribution}` : ''}
        </Text>
      );
    case 'photo': {
      const photo = photos.find((p) => p.photoId === block.photoId);
      return (
        <Text size="sm" c="dimmed">
          [Photo: {photo ? `${photo.caption} (${photo.credit})` : 'an attached photo'}]
        </Text>
      );
    }
    default: {
      const unknown: never = block;
      return <Text size="sm">{JSON.stringify(unknown)}</Text>;
    }
  }
}

/** "Paragraph: The ferry…" in a select or a sentence: the block's kind and its first words. */
export function excerptOf(block: BodyBlockView, max = 60): string {
  if (block.type === 'photo') return 'Photo';
  const kind = block.type === 'subheading' ? 'Subheading' : block.type === 'quote' ? 'Quote' : 'Paragraph';
  const text = block.text.length > max ? `${block.text.slice(0, max - 1)}…` : block.text;
  return `${kind}: ${text}`;
}
