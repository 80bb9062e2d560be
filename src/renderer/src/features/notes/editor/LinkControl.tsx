import { ActionIcon, Button, Group, Popover, Stack, TextInput, Tooltip } from '@mantine/core'
import { IconExternalLink, IconLink, IconLinkOff } from '@tabler/icons-react'
import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { useState, type FormEvent } from 'react'
import { isMarkActive, linkAtSelection, removeLink, setLink } from './commands'
import { openExternalLink } from './openExternalLink'
import { normaliseLinkInput } from './safeHref'

/** Add, change, open or remove a link; only http(s) and mailto addresses are accepted. */
export function LinkControl({ view, state }: { view: EditorView; state: EditorState }) {
  const [opened, setOpened] = useState(false)
  const [address, setAddress] = useState('')
  const [error, setError] = useState<string | null>(null)
  const current = linkAtSelection(state)

  function open() {
    setAddress(current ?? '')
    setError(null)
    setOpened(true)
  }

  function close() {
    setOpened(false)
    view.focus()
  }

  function apply(event: FormEvent) {
    event.preventDefault()
    const href = normaliseLinkInput(address)
    if (!href) {
      setError('Use a web address (https://…) or an email address.')
      return
    }
    setLink(href)(view.state, view.dispatch)
    close()
  }

  return (
    <Group gap={2} wrap="nowrap">
      <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow shadow="md">
        {/* No tooltip here: it would take the id the dialog is labelled by; the aria-label names it. */}
        <Popover.Target>
          <ActionIcon
            aria-label={current ? 'Edit link' : 'Add link'}
            title={current ? 'Edit link' : 'Add link'}
            aria-pressed={isMarkActive(state, 'link')}
            aria-expanded={opened}
            aria-haspopup="dialog"
            variant={current ? 'light' : 'subtle'}
            color={current ? undefined : 'gray'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (opened ? close() : open())}
          >
            <IconLink size={18} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={apply} aria-label="Link">
            <Stack gap="xs">
              <TextInput
                label="Link address"
                placeholder="https://example.org"
                value={address}
                onChange={(event) => setAddress(event.currentTarget.value)}
                error={error}
                data-autofocus
                w={280}
              />
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit">Apply</Button>
              </Group>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
      {current ? (
        <>
          <Tooltip label="Open link in browser (or Ctrl/⌘-click it)">
            <ActionIcon aria-label="Open link" onMouseDown={(event) => event.preventDefault()} onClick={() => openExternalLink(current)}>
              <IconExternalLink size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove link">
            <ActionIcon
              aria-label="Remove link"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                removeLink(view.state, view.dispatch)
                view.focus()
              }}
            >
              <IconLinkOff size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </>
      ) : null}
    </Group>
  )
}
