import { Card, Stack, Switch, Text, Title } from '@mantine/core'
import type { DesktopPreferences } from '@shared/api/desktop'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { useApi } from '../../platform/PlatformContext'
import classes from './DesktopCard.module.css'
import { desktopCard, desktopCardId, useDesktopCardRequest } from './desktopCardStore'
import { UpdatePanel } from './UpdatePanel'
import { useUpdateStatus, type UpdateActions } from './useUpdateStatus'

type Switchable = 'openAtLogin' | 'automaticUpdateChecks'

/**
 * What only the desktop app does: opening at login and updates. Shown only in the Electron shell;
 * the app menu's Settings and Check for Updates… lead here.
 */
export function DesktopCard() {
  const api = useApi()
  const [preferences, setPreferences] = useState<DesktopPreferences | null>(null)
  const [failed, setFailed] = useState(false)
  const [saving, setSaving] = useState<Switchable | null>(null)
  const updates = useUpdateStatus()
  const card = useRef<HTMLElement>(null)
  useMenuRequest(card, updates.check)

  useEffect(() => {
    let live = true
    void api.call('desktop.preferences', {}).then((result) => {
      if (!live) return
      if (result.ok) setPreferences(result.value)
      else setFailed(true)
    })
    return () => {
      live = false
    }
  }, [api])

  async function change(key: Switchable, value: boolean) {
    setSaving(key)
    const result = await api.call('desktop.setPreferences', { [key]: value })
    setSaving(null)
    // The switch shows what the shell answers; after a refusal (a toast) it stays as it was.
    if (result.ok) setPreferences(result.value)
  }

  return (
    <Card withBorder component="section" aria-labelledby="desktop-app-heading" id={desktopCardId} ref={card} tabIndex={-1} className={classes.card}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="desktop-app-heading">
          Desktop app
        </Title>
        {preferences ? (
          <>
            {preferences.openAtLoginSupported && (
              <Switch
                label="Open Staffroom when I log in"
                checked={preferences.openAtLogin}
                disabled={saving !== null}
                onChange={(event) => void change('openAtLogin', event.currentTarget.checked)}
              />
            )}
            <Updates preferences={preferences} updates={updates} saving={saving} onChange={(value) => void change('automaticUpdateChecks', value)} />
          </>
        ) : failed ? (
          <Text size="sm">The desktop app’s settings could not be loaded. Open this screen again to retry.</Text>
        ) : (
          <Text size="sm" role="status">
            Loading…
          </Text>
        )}
      </Stack>
    </Card>
  )
}

function Updates({
  preferences,
  updates,
  saving,
  onChange,
}: {
  preferences: DesktopPreferences
  updates: UpdateActions
  saving: Switchable | null
  onChange: (value: boolean) => void
}) {
  const unsupported = updates.status?.state === 'unsupported' ? updates.status.reason : !preferences.updatesSupported ? 'This copy of Staffroom is not updated from here.' : null
  if (unsupported !== null) {
    return (
      <Text size="sm" c="dimmed" data-testid="updates-unsupported">
        Updates: {unsupported}
      </Text>
    )
  }
  return (
    <>
      <Switch
        label="Check for updates automatically"
        description="Looks for a new version when Staffroom starts and every few hours. Nothing is downloaded or installed without asking you."
        checked={preferences.automaticUpdateChecks}
        disabled={saving !== null}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <UpdatePanel updates={updates} />
    </>
  )
}

/** Takes a request from the app menu: scroll here, take focus, and check for updates if asked. */
function useMenuRequest(card: RefObject<HTMLElement | null>, check: () => Promise<void>) {
  const request = useDesktopCardRequest()
  const handled = useRef(0)
  useEffect(() => {
    // The session guard keeps a request from running twice (React may run effects twice in development).
    if (!request || request.session === handled.current) return
    handled.current = request.session
    desktopCard.take()
    card.current?.scrollIntoView({ block: 'start' })
    card.current?.focus({ preventScroll: true })
    if (request.check) void check()
  }, [request, card, check])
}
