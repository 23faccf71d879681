import { Text } from '@mantine/core';

/**
 * What the page just did, said once to screen readers and shown: the live region is always in the
 * page (a region added together with its text is not announced), the text only while there is one.
 */
export function Announcement({ text }: { text: string | null | undefined }) {
  return (
    <div aria-live="polite">
      {text && (
        <Text size="sm" fw={600}>
          {text}
        </Text>
      )}
    </div>
  );
}
