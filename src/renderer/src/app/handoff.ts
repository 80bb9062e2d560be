import { useSyncExternalStore } from 'react'

/** What a hand-off carries, stamped per offer so the same value offered twice is seen twice. */
export type Offered<T> = T & { session: number }

/**
 * A value handed to a component that may not be on screen yet (a link opened by the desktop shell,
 * a menu request): it waits here until the component mounts, uses it and takes it.
 */
export function createHandoff<T extends object>() {
  let current: Offered<T> | null = null
  let session = 0
  const listeners = new Set<() => void>()
  const set = (next: Offered<T> | null) => {
    current = next
    for (const listener of listeners) listener()
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  return {
    offer: (value: T) => set({ ...value, session: ++session }),
    take: () => set(null),
    use: (): Offered<T> | null => useSyncExternalStore(subscribe, () => current),
  }
}
