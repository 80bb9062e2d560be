import { Anchor, Switch, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { formatRoute } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'

/**
 * In a note's Share dialog: "Also sync through the relay". Off and explained when this device has
 * no relay or the note is shared with nobody (a personal note never goes to a relay).
 */
export function NoteRelaySwitch({ noteId, shared }: { noteId: string; shared: boolean }) {
  const api = useApi()
  const [state, setState] = useState<{ relayUrl: string | null; relayed: boolean } | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    void Promise.all([api.call('sync.status', {}), api.call('sync.noteMembers', { noteId })]).then(([status, members]) => {
      if (cancelled) return
      setState({ relayUrl: status.ok ? status.value.relay.url : null, relayed: members.ok ? members.value.relayed === true : false })
    })
    return () => {
      cancelled = true
    }
  }, [api, noteId])

  async function setRelayed(relayed: boolean) {
    setPending(true)
    setError(null)
    const result = await api.call('sync.setNoteRelayed', { noteId, relayed })
    setPending(false)
    if (result.ok) setState((previous) => (previous ? { ...previous, relayed: result.value.relayed } : previous))
    else setError(result.error.message)
  }

  if (state === null) return null
  const why =
    state.relayUrl === null ? (
      <>
        No relay is set on this device. Add one in <Anchor href={formatRoute({ section: 'devices' })}>Devices and sharing</Anchor>.
      </>
    ) : !shared ? (
      'Share the note with a colleague first: a note shared with nobody never goes to the relay.'
    ) : (
      `Through ${state.relayUrl}, for when your devices cannot reach each other directly. The relay stores a copy.`
    )
  return (
    <div data-testid="note-relay">
      <Switch
        label="Also sync through the relay"
        description={why}
        checked={state.relayed && shared}
        disabled={pending || state.relayUrl === null || !shared}
        error={error}
        onChange={(event) => void setRelayed(event.currentTarget.checked)}
      />
      {state.relayed && !shared ? (
        <Text size="xs" c="dimmed" mt={4}>
          Marked for the relay, but nothing goes there until the note is shared again.
        </Text>
      ) : null}
    </div>
  )
}
