import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import type { SyncResults } from '@shared/api/sync'
import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { formatRoute } from '../../app/route'
import { displayTitle } from '../notes/useNoteActions'
import classes from './DevicesView.module.css'
import { pendingInvite, usePendingInvite } from './pendingInvite'

type Accepted = SyncResults['sync.acceptInvite']

/** Pairs with the device that made an invite, from its code or link as pasted. */
export function AcceptInvite({ onAccepted }: { onAccepted: () => void }) {
  const api = useApi()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [accepted, setAccepted] = useState<Accepted | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const pending = usePendingInvite()

  // An invite link opened from outside (the desktop shell) is filled in, never accepted for the teacher.
  useEffect(() => {
    if (!pending) return
    pendingInvite.take()
    setCode(pending.code)
    setError(null)
    setAccepted(null)
    field.current?.focus()
  }, [pending])

  async function accept() {
    const text = code.trim()
    if (!text) {
      setError('Paste the invite code or link you were sent.')
      return
    }
    setBusy(true)
    setError(null)
    const result = await api.call('sync.acceptInvite', { code: text })
    setBusy(false)
    if (result.ok) {
      setAccepted(result.value)
      setCode('')
      onAccepted()
    } else {
      setError(result.error.message)
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="accept-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="accept-heading">
          Accept an invite
        </Title>
        {accepted && <Accepted accepted={accepted} onDismiss={() => setAccepted(null)} />}
        <form
          aria-labelledby="accept-heading"
          onSubmit={(event) => {
            event.preventDefault()
            void accept()
          }}
        >
          <Stack gap="sm">
            <Textarea
              label="Invite code or link"
              description="Paste what a colleague or your other device sent you: the code or the staffroom:// link."
              ref={field}
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value)
                setError(null)
              }}
              error={error}
              autosize
              minRows={3}
              maxRows={8}
              maxLength={4000}
              spellCheck={false}
              data-testid="accept-code"
            />
            <Group>
              <Button type="submit" loading={busy}>
                Accept invite
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  )
}

function Accepted({ accepted, onDismiss }: { accepted: Accepted; onDismiss: () => void }) {
  const { device, shares } = accepted
  return (
    <Alert color="teal" title={`Paired with ${device.name}`} role="status" withCloseButton closeButtonLabel="Dismiss" onClose={onDismiss} data-testid="accept-success">
      <Stack gap={6}>
        <Text size="sm">
          {device.relation === 'own'
            ? 'This is now one of your devices: your notes and network sync between them.'
            : `You are now paired with ${device.name}; what they share with you syncs whenever you can reach each other.`}
          {accepted.restartRequired ? ' Restart Staffroom to finish: it then shows the notes and network from your other device.' : ''}
        </Text>
        {shares.length > 0 && (
          <>
            <Text size="sm" fw={600} id="accepted-shares-heading">
              Shared with you
            </Text>
            <ul className={classes.plainList} aria-labelledby="accepted-shares-heading">
              {shares.map((share) => (
                <li key={share.documentId}>
                  <Anchor size="sm" href={formatRoute({ section: 'all', noteId: share.documentId })}>
                    {displayTitle(share.title)}
                  </Anchor>
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
    </Alert>
  )
}
