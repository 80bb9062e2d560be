import { useSyncExternalStore } from 'react'
import { navigate } from '../../app/route'

/** The app menu's Settings or Check for Updates… asked for the Desktop app card. */
export interface DesktopCardRequest {
  /** Check for updates as well, once the card is on screen (asking is consent). */
  check: boolean
  session: number
}

/** The card's id: the place the menu and the update notice lead to. */
export const desktopCardId = 'desktop-app'

let request: DesktopCardRequest | null = null
let session = 0
const listeners = new Set<() => void>()

function set(next: DesktopCardRequest | null) {
  request = next
  for (const listener of listeners) listener()
}

/**
 * Opens the Devices screen at the Desktop app card. The request waits here until the card is
 * mounted, so it works from any screen; the card scrolls to itself, takes focus and takes it.
 */
export const desktopCard = {
  open: (options: { check?: boolean } = {}) => {
    set({ check: options.check ?? false, session: ++session })
    navigate({ section: 'devices' })
  },
  take: () => set(null),
}

export function useDesktopCardRequest(): DesktopCardRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => request,
  )
}
