import { Alert, Group, Stack, Text } from '@mantine/core'
import type { InviteView } from '@shared/api/sync'
import { CopyValue } from './CopyValue'
import { formatDateTime, formatExpiresIn } from './deviceText'
import classes from './DevicesView.module.css'
import { QrCode } from './QrCode'

/** A made invite: the code and link to send, the QR code to scan, where it connects and until when. */
export function InviteResult({ invite }: { invite: InviteView }) {
  const who = invite.relation === 'own' ? 'your other device' : 'your colleague'
  return (
    <Stack gap="sm" data-testid="invite-result">
      <Text size="sm">
        Send this to {who}, who pastes it under “Accept an invite” in Staffroom (or scans the QR code). It works once.
      </Text>
      <Text size="sm" fw={600}>
        Invite code
      </Text>
      <CopyValue label="invite code" value={invite.code} testId="invite-code" />
      <Text size="sm" fw={600}>
        Invite link
      </Text>
      <CopyValue label="invite link" value={invite.link} testId="invite-link" />
      <Group align="flex-start" gap="lg" wrap="wrap">
        <QrCode value={invite.link} alt={`QR code of the invite link for ${who}`} />
        <Stack gap={6} flex={1} miw={200}>
          <Text size="sm">
            <strong>Expires</strong> {formatExpiresIn(invite.expiresAt)} ({formatDateTime(invite.expiresAt)}).
          </Text>
          <Text size="sm" fw={600} id="invite-addresses-heading">
            Reachable at
          </Text>
          {invite.addresses.length > 0 ? (
            <ul className={classes.plainList} aria-labelledby="invite-addresses-heading">
              {invite.addresses.map((address) => (
                <li key={address}>
                  <Text size="sm" component="span" className={classes.code}>
                    {address}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="sm" c="dimmed">
              No network address found: the other device must be able to reach this one.
            </Text>
          )}
          {invite.relation === 'contact' && (
            <>
              <Text size="sm" fw={600} id="invite-shares-heading">
                Shared notes
              </Text>
              {invite.shares.length > 0 ? (
                <ul className={classes.plainList} aria-labelledby="invite-shares-heading">
                  {invite.shares.map((share, index) => (
                    <li key={index}>
                      <Text size="sm">{share.title}</Text>
                    </li>
                  ))}
                </ul>
              ) : (
                <Text size="sm" c="dimmed">
                  None yet: share notes later with the Share button on a note.
                </Text>
              )}
            </>
          )}
        </Stack>
      </Group>
      {invite.relation === 'own' && (
        <Alert color="blue" variant="light" title="Everything is shared">
          Your other device gets all your notes and your network, and keeps them in step with this one.
        </Alert>
      )}
    </Stack>
  )
}
