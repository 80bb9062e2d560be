import { Button, Menu } from '@mantine/core'
import { IconAlarmSnooze } from '@tabler/icons-react'
import { addDays, localDay } from '../network/dates'

const choices = [
  { label: 'For 3 days', days: 3 },
  { label: 'For a week', days: 7 },
  { label: 'For two weeks', days: 14 },
  { label: 'For a month', days: 30 },
]

/** Quiets a reminder until a later day. `what` names it for screen readers ("Snooze Ada"). */
export function SnoozeMenu({ what, onSnooze }: { what: string; onSnooze: (until: string) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-sm" leftSection={<IconAlarmSnooze size={14} aria-hidden />} aria-label={`Snooze ${what}`}>
          Snooze
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {choices.map((choice) => (
          <Menu.Item key={choice.days} onClick={() => onSnooze(addDays(localDay(), choice.days))}>
            {choice.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
