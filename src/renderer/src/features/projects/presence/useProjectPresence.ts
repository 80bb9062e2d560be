import { Presence, type DocHandle, type PeerState } from '@automerge/automerge-repo'
import { useCallback, useEffect, useRef, useState } from 'react'
import { isCursorSelection, type CursorSelection } from './cursorMapping'
import { presenceColour } from './presenceColour'

/** Who I am in a project: my device and the name colleagues know me by. */
export interface PresenceUser {
  deviceId: string
  name: string
}

/** What each open project editor broadcasts, through automerge-repo's ephemeral messages. */
export interface ProjectPresenceState {
  [channel: string]: unknown
  deviceId: string
  name: string
  colour: string
  selection: CursorSelection | null
}

/** Someone else in the document now. */
export interface PresentPeer {
  peerId: string
  deviceId: string
  name: string
  colour: string
  selection: CursorSelection | null
  lastActiveAt: number
}

export const presenceHeartbeatMs = 3_000
export const presencePeerTtlMs = 15_000
const maxNameChars = 80

/**
 * Peers from Presence's state, checked (a peer may send anything) and one per device: a device
 * that reopened the project shows once, with its latest window. My own other windows are left out.
 */
export function presentPeers(states: Record<string, PeerState<Record<string, unknown>>>, myDeviceId: string): PresentPeer[] {
  const byDevice = new Map<string, PresentPeer>()
  for (const state of Object.values(states)) {
    const { deviceId, name, selection } = state.value
    if (typeof deviceId !== 'string' || !deviceId || deviceId === myDeviceId) continue
    const peer: PresentPeer = {
      peerId: String(state.peerId),
      deviceId,
      name: typeof name === 'string' && name.trim() ? name.trim().slice(0, maxNameChars) : 'Someone',
      // Derived from the device id rather than taken from the message: a peer cannot pick a
      // colour that is unreadable or copies someone else's.
      colour: presenceColour(deviceId),
      selection: isCursorSelection(selection) ? { anchor: selection.anchor, head: selection.head } : null,
      lastActiveAt: state.lastActiveAt,
    }
    const known = byDevice.get(deviceId)
    if (!known || known.lastActiveAt < peer.lastActiveAt) byDevice.set(deviceId, peer)
  }
  return [...byDevice.values()].sort((a, b) => a.name.localeCompare(b.name) || a.deviceId.localeCompare(b.deviceId))
}

export interface ProjectPresence {
  peers: PresentPeer[]
  /** Tells the others where my selection is (null: none, e.g. a viewer). */
  setSelection: (selection: CursorSelection | null) => void
}

export interface ProjectPresenceOptions {
  heartbeatMs?: number
  peerTtlMs?: number
}

/**
 * Presence in a project: broadcasts my name, colour and selection on the project's handle and
 * lists the others. Heartbeats keep me listed; a peer silent for the TTL is dropped; leaving the
 * page or unmounting says goodbye so the others see me leave at once. Inactive when `me` is null.
 */
export function useProjectPresence(handle: DocHandle<unknown> | null, me: PresenceUser | null, options: ProjectPresenceOptions = {}): ProjectPresence {
  const [peers, setPeers] = useState<PresentPeer[]>([])
  const presenceRef = useRef<Presence<ProjectPresenceState> | null>(null)
  const lastSelection = useRef<string>('null')
  const deviceId = me?.deviceId ?? null
  const name = me?.name ?? null
  const { heartbeatMs = presenceHeartbeatMs, peerTtlMs = presencePeerTtlMs } = options

  useEffect(() => {
    if (!handle || deviceId === null || name === null) return
    const presence = new Presence<ProjectPresenceState>({ handle })
    presenceRef.current = presence
    lastSelection.current = 'null'
    const refresh = () => setPeers(presentPeers(presence.getPeerStates().value, deviceId))
    for (const event of ['update', 'snapshot', 'goodbye', 'pruning'] as const) presence.on(event, refresh)
    presence.start({
      initialState: { deviceId, name, colour: presenceColour(deviceId), selection: null },
      heartbeatMs,
      peerTtlMs,
    })
    const leave = () => presence.stop()
    window.addEventListener('pagehide', leave)
    return () => {
      window.removeEventListener('pagehide', leave)
      presence.stop()
      presence.removeAllListeners()
      presenceRef.current = null
      setPeers([])
    }
  }, [handle, deviceId, name, heartbeatMs, peerTtlMs])

  const setSelection = useCallback((selection: CursorSelection | null) => {
    const presence = presenceRef.current
    const key = JSON.stringify(selection)
    if (!presence?.running || key === lastSelection.current) return
    lastSelection.current = key
    presence.broadcast('selection', selection)
  }, [])

  return { peers, setSelection }
}
