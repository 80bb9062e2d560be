import {
  ActionIcon,
  Button,
  createTheme,
  Notification,
  TagsInput,
  TextInput,
  Tooltip,
  type CSSVariablesResolver,
} from '@mantine/core'

/** The one theme of the app: defaults live here, not at call sites. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7/8 keeps white text on filled buttons above WCAG AA contrast (shade 6 is below 4.5:1).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: 'subtle', color: 'gray', size: 'lg' } }),
    Button: Button.extend({ defaultProps: { size: 'sm' } }),
    Notification: Notification.extend({ defaultProps: { withBorder: true, closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    TagsInput: TagsInput.extend({ defaultProps: { size: 'sm', clearable: false } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'sm' } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 400, withArrow: true } }),
  },
})

/**
 * Mantine's default "dimmed" grey and error red are below 4.5:1 on the body colour; use stronger shades.
 * The light variant's hover background (indigo 3) leaves its indigo text at 4.1:1; indigo 1 keeps it above 5:1.
 * Yellow's light variant (warning alerts, badges) writes yellow 8 on pale yellow at 2.7:1; a dark amber reads at 7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)',
    '--mantine-color-yellow-light-color': '#6b4500',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', '--mantine-color-error': 'var(--mantine-color-red-4)' },
})
