import { Modal } from '@mantine/core'
import type { ReactNode } from 'react'

interface DialogModalProps {
  opened: boolean
  onClose: () => void
  title: string
  size?: string
  children: ReactNode
}

/**
 * Mantine's Modal with a titled header that is not a page landmark (its `<header>` would be a
 * second banner) and a close button with a name.
 */
export function DialogModal({ opened, onClose, title, size, children }: DialogModalProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
