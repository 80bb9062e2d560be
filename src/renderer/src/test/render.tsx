import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import { withErrorToasts } from '../app/errorToasts'
import { cssVariablesResolver, theme } from '../app/theme'
import type { Platform } from '../platform/connect'
import { PlatformProvider } from '../platform/PlatformContext'

/** Mantine with the app's theme, toasts, and (optionally) a platform, as the app has them. */
export function TestProviders({ platform, children }: { platform?: Platform; children: ReactNode }) {
  const content = platform ? (
    <PlatformProvider platform={{ ...platform, api: withErrorToasts(platform.api) }}>{children}</PlatformProvider>
  ) : (
    children
  )
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env="test">
      <Notifications />
      {content}
    </MantineProvider>
  )
}

export function renderWithProviders(ui: ReactElement, options: { platform?: Platform } = {}): RenderResult {
  notifications.clean()
  return render(<TestProviders platform={options.platform}>{ui}</TestProviders>)
}
