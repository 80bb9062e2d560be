import { useSyncExternalStore } from 'react'

/** An invite code handed over by the desktop shell (a staffroom:// link was opened), not yet shown. */
export interface PendingInvite {
  code: string
  /** Changes on every offer, so the same link opened twice fills the field again. */
  session: number
}

let pending: PendingInvite | null = null
let session = 0
const listeners = new Set<() => void>()

function set(next: PendingInvite | null) {
  pending = next
  for (const listener of listeners) listener()
}

/**
 * Carries an opened invite link to the Accept an invite form, which may not be on screen yet (the
 * Devices screen loads first). The form fills it in and takes it; the teacher still presses Accept.
 */
export const pendingInvite = {
  offer: (code: string) => set({ code, session: ++session }),
  take: () => set(null),
}

export function usePendingInvite(): PendingInvite | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => pending,
  )
}
