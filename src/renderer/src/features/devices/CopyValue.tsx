import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import classes from './DevicesView.module.css'

/** A value shown as text to read or compare, with a button that copies it. */
export function CopyValue({ label, value, shown = value, testId }: { label: string; value: string; shown?: string; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text component="code" className={classes.code} data-testid={testId}>
        {shown}
      </Text>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label}`}>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={`Copy ${label}`} onClick={copy}>
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}
