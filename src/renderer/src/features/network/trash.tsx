import { Button, SegmentedControl } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { RpcResult } from '@shared/errors'
import { IconArrowBackUp } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import type { ApiClient } from '@shared/api/ApiClient'

/** Which records a network list shows: the current ones, or the deleted ones (its trash). */
export type Show = 'live' | 'deleted'

/** Current / Deleted, above a network list. Deleted records stay restorable, even after a restart. */
export function ShowFilter({ value, onChange, plural }: { value: Show; onChange: (show: Show) => void; plural: string }) {
  return (
    <SegmentedControl
      size="xs"
      fullWidth
      aria-label={`Show current or deleted ${plural}`}
      value={value}
      onChange={(next) => onChange(next as Show)}
      data={[
        { value: 'live', label: 'Current' },
        { value: 'deleted', label: 'Deleted' },
      ]}
    />
  )
}

/** Restore, beside a deleted record in the list; the record goes back to the current list. */
export function RestoreButton({ name, restore }: { name: string; restore: (api: ApiClient) => Promise<RpcResult<unknown>> }) {
  const api = useApi()
  const [busy, setBusy] = useState(false)

  async function run() {
    setBusy(true)
    const result = await restore(api)
    setBusy(false)
    if (result.ok) notifications.show({ message: `“${name}” is back.`, autoClose: 4000 })
  }

  return (
    <Button
      size="compact-xs"
      variant="light"
      loading={busy}
      leftSection={<IconArrowBackUp size={14} aria-hidden />}
      aria-label={`Restore “${name}”`}
      onClick={() => void run()}
    >
      Restore
    </Button>
  )
}
