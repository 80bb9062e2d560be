import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import type { PairedDevice } from '@shared/api/sync'
import { useEffect, useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'
import { contactNames } from '../contacts/contactNames'
import { RecordPicker } from '../network/RecordPicker'

/** The contact a colleague's device belongs to, as a link to their page, with Link… / Change… to pick one. */
export function LinkedContact({ device, onChanged }: { device: PairedDevice; onChanged: () => void }) {
  const api = useApi()
  const [name, setName] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)

  useEffect(() => {
    let cancelled = false
    if (device.contactId) void contactNames(api, [device.contactId]).then((names) => !cancelled && setName(names.get(device.contactId!) ?? null))
    else setName(null)
    return () => {
      cancelled = true
    }
  }, [api, device.contactId])

  return (
    <Group gap="xs">
      <Text size="xs">
        {device.contactId && name ? (
          <>
            Contact: <Anchor href={`#/contacts?id=${encodeURIComponent(device.contactId)}`}>{name}</Anchor>
          </>
        ) : (
          'Not linked to a contact'
        )}
      </Text>
      <Button variant="subtle" size="compact-xs" onClick={() => setPicking(true)} aria-label={`${device.contactId ? 'Change' : 'Link'} the contact for ${device.name}`}>
        {device.contactId ? 'Change…' : 'Link…'}
      </Button>
      {picking ? <LinkContactDialog device={device} onClose={() => setPicking(false)} onChanged={onChanged} /> : null}
    </Group>
  )
}

function LinkContactDialog({ device, onClose, onChanged }: { device: PairedDevice; onClose: () => void; onChanged: () => void }) {
  const api = useApi()
  const [chosen, setChosen] = useState<string[]>(device.contactId ? [device.contactId] : [])
  const [busy, setBusy] = useState(false)

  async function save() {
    setBusy(true)
    const result = await api.call('sync.linkContact', { deviceId: device.deviceId, contactId: chosen[0] ?? null })
    setBusy(false)
    if (!result.ok) return
    onChanged()
    onClose()
  }

  return (
    <DialogModal opened onClose={onClose} title={`Whose device is ${device.name}?`}>
      <Stack>
        <Text size="sm">Linking it to a contact keeps your conversations and what you share with them in one place.</Text>
        <RecordPicker kind="contacts" label="Contact" value={chosen} onChange={setChosen} maxValues={1} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {chosen.length === 0 ? 'Unlink' : 'Link'}
          </Button>
        </Group>
      </Stack>
    </DialogModal>
  )
}
