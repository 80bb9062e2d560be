import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ApiClient } from '@shared/api/ApiClient'
import type { UndoReceipt } from '@shared/api/networkCommon'
import type { RpcResult } from '@shared/errors'

/**
 * Runs a delete (or bulk edit) and shows a toast with Undo, which hands the receipt's token to
 * `undo.apply`. Returns whether the change was made.
 */
export async function changeWithUndo(api: ApiClient, message: string, change: () => Promise<RpcResult<UndoReceipt>>): Promise<boolean> {
  const result = await change()
  if (!result.ok) return false
  const toastId = `undo-${result.value.undoToken}`
  notifications.show({
    id: toastId,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(toastId)
            void api.call('undo.apply', { undoToken: result.value.undoToken }).then((undone) => {
              if (undone.ok) notifications.show({ message: 'Undone.', autoClose: 3000 })
            })
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  })
  return true
}
