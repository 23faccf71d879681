import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

// Mantine's defaults miss WCAG AA contrast in places (white on blue.6 is 3.6:1, dimmed gray.6 text
// on white 4.4:1, error red.6 text 3.6:1): a darker primary shade, dimmed text and error red pass 4.5:1.
export const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  // An alert's title in its colour on its own tint is below 4.5:1 for orange and yellow: the text colour is not.
  components: { Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }) },
});

export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
