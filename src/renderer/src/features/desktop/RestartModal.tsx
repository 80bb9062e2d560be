import { Button, Group, Modal, Stack, Text } from '@mantine/core'

/** The one way the app restarts for an update: the teacher confirms here. */
export function RestartModal({
  version,
  opened,
  restarting,
  onClose,
  onConfirm,
}: {
  version: string
  opened: boolean
  restarting: boolean
  onClose: () => void
  onConfirm: () => void
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Restart and install?" centered>
      <Stack>
        <Text size="sm">Staffroom will close, install version {version} and open again. Everything you have written is saved.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={restarting} data-autofocus>
            Not now
          </Button>
          <Button onClick={onConfirm} loading={restarting}>
            Restart and install
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
