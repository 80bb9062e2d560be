import { Alert, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { useEffect, useMemo, useState } from 'react'
import { connectPlatform, type Platform } from '../platform/connect'
import { PlatformProvider } from '../platform/PlatformContext'
import { AppLayout } from './AppLayout'
import { withErrorToasts } from './errorToasts'
import { cssVariablesResolver, theme } from './theme'

/** The app around a connected platform: every RPC error envelope becomes a toast. */
export function ConnectedApp({ platform }: { platform: Platform }) {
  const withToasts = useMemo(() => ({ ...platform, api: withErrorToasts(platform.api) }), [platform])
  return (
    <PlatformProvider platform={withToasts}>
      <AppLayout />
    </PlatformProvider>
  )
}

function Connecting() {
  const [state, setState] = useState<{ platform?: Platform; error?: string }>({})
  useEffect(() => {
    connectPlatform().then(
      (platform) => setState({ platform }),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    )
  }, [])
  if (state.platform) return <ConnectedApp platform={state.platform} />
  return (
    <Center h="100dvh" component="main">
      {state.error ? (
        <Alert color="red" title="Staffroom could not start" role="alert" maw={480}>
          {state.error}
        </Alert>
      ) : (
        <Stack align="center" gap="xs" role="status">
          <Loader aria-hidden />
          <Text size="sm">Connecting to Staffroom…</Text>
        </Stack>
      )}
    </Center>
  )
}

/** Theme (following the OS light/dark setting), toasts, then the connection to the core. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      {/* Inside a named region (not a bare portal) so toasts sit in a landmark. */}
      <section aria-label="Notifications">
        <Notifications position="bottom-right" limit={4} withinPortal={false} />
      </section>
      <Connecting />
    </MantineProvider>
  )
}
