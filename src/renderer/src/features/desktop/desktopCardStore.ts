import { createHandoff, type Offered } from '../../app/handoff'
import { navigate } from '../../app/route'

/** The app menu's Settings or Check for Updates… asked for the Desktop app card; `check`: check for updates as well, once the card is on screen (asking is consent). */
export type DesktopCardRequest = Offered<{ check: boolean }>

/** The card's id: the place the menu and the update notice lead to. */
export const desktopCardId = 'desktop-app'

const handoff = createHandoff<{ check: boolean }>()

/**
 * Opens the Devices screen at the Desktop app card. The request waits here until the card is
 * mounted, so it works from any screen; the card scrolls to itself, takes focus and takes it.
 */
export const desktopCard = {
  open: (options: { check?: boolean } = {}) => {
    handoff.offer({ check: options.check ?? false })
    navigate({ section: 'devices' })
  },
  take: handoff.take,
}

export const useDesktopCardRequest = (): DesktopCardRequest | null => handoff.use()
