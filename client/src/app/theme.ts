import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Calm indigo on white. Shade 8 gives white button text 5.7:1, AA with room to spare; Mantine's
 * default shade 6 only reaches 4.3:1.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  components: {
    // Every Pulse form field is required unless its label says "optional", so a red asterisk on
    // each one is noise; it also turns the label text into "Name *", which exact label selectors
    // in the browser tests would not match.
    TextInput: { defaultProps: { withAsterisk: false } },
    Select: { defaultProps: { withAsterisk: false } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
    PasswordInput: {
      defaultProps: {
        withAsterisk: false,
        visibilityToggleFocusable: true,
        // Mantine's "Toggle password visibility" would also answer to the label "Password".
        visibilityToggleButtonProps: { 'aria-label': 'Show characters' },
      },
    },
    Title: { defaultProps: { c: 'gray.9' } },
    // Links in running text must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Modal: {
      // Mantine's close button is an icon with no name of its own.
      defaultProps: { centered: true, radius: 'md', closeButtonProps: { 'aria-label': 'Close dialog' } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } },
    },
  },
});

/**
 * Mantine's dimmed, error and link colours, and its light orange and teal text (alerts, badges),
 * fall below 4.5:1 on their backgrounds; these pass WCAG AA.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-disabled-color': 'var(--mantine-color-gray-7)',
    '--mantine-color-orange-light-color': '#b23c0c',
    '--mantine-color-teal-light-color': '#066b4d',
  },
  dark: {},
});
