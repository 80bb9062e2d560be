import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import type { PairedDevice } from '@shared/api/sync'
import { useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'

/**
 * Connects to a paired device at an address the teacher types (host:port, as the other device's
 * Devices screen or `staffroom peers` shows it), for when its address changed and it is not found
 * on the LAN. The pinned certificate still decides: a wrong device at that address is refused.
 */
export function ConnectAtAddress({ device, opened, onClose, onConnected }: { device: PairedDevice; opened: boolean; onClose: () => void; onConnected: () => void }) {
  const api = useApi()
  const [address, setAddress] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function connect() {
    setBusy(true)
    setError(null)
    const result = await api.call('sync.connectDevice', { deviceId: device.deviceId, address })
    setBusy(false)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    onConnected()
    onClose()
  }

  return (
    <DialogModal opened={opened} onClose={onClose} title={`Connect to ${device.name}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void connect()
        }}
      >
        <Stack>
          <Text size="sm">Type the address the other device shows on its Devices screen, as host:port.</Text>
          <TextInput
            label="Address"
            placeholder="192.168.1.20:47110"
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={error}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={address.trim() === ''}>
              Connect
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogModal>
  )
}
