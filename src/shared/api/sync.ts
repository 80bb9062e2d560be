import { z } from 'zod'

/** A device this one trusts, as the UI and the CLI show it (never its key or certificate). */
export interface PairedDevice {
  deviceId: string
  /** The id in groups of four, to compare aloud or by eye. */
  shownId: string
  name: string
  relation: 'own' | 'contact'
  contactId: string | null
  addresses: string[]
  pairedAt: number
  revokedAt: number | null
  lastSeenAt: number | null
  online: boolean
}

export interface SyncStatusView {
  deviceId: string
  shownId: string
  deviceName: string
  /** Null when this shell does not accept peers (sync is off). */
  listening: { port: number; pairingPort: number } | null
  devices: PairedDevice[]
  refusedHandshakes: number
  cutOff: Array<{ deviceId: string; reason: string; at: number }>
  /** The profile's relay, if one is set, and how the link to it stands. */
  relay: { url: string | null; state: 'connecting' | 'connected' | 'offline'; lastError: string | null; relayed: number }
  /** Documents the workspace lists, and how many of them are on this device (initial sync progress). */
  workspace: { listed: number; present: number }
}

/** How far one device that may sync a document has caught up with this device's copy of it. */
export interface DeviceDocumentStatus {
  deviceId: string
  name: string
  online: boolean
  /** synced: it has this device's latest heads; pending: not yet; unknown: not loaded here, or not synced since this device started. */
  state: 'synced' | 'pending' | 'unknown'
  lastSyncAt: number | null
}

export interface InviteView {
  code: string
  link: string
  expiresAt: number
  addresses: string[]
  relation: 'own' | 'contact'
  shares: Array<{ title: string }>
}

const deviceIdArg = z.string().regex(/^[A-Z2-7]{52}$/, 'A device id is 52 letters and digits.')

export const syncArgs = {
  'sync.status': z.object({}),
  /**
   * An invite for another device: `own` pairs a second device of this person (it gets the whole
   * workspace); `contact` pairs a colleague, who gets exactly the notes listed.
   */
  'sync.createInvite': z.object({
    relation: z.enum(['own', 'contact']),
    contactId: z.string().min(1).max(64).optional(),
    noteIds: z.array(z.string().min(1).max(64)).max(100).default([]),
    role: z.enum(['editor', 'viewer']).default('editor'),
    validForMinutes: z.number().int().min(5).max(7 * 24 * 60).default(24 * 60),
  }),
  /** Accepts a code or a staffroom:// link, as pasted. */
  'sync.acceptInvite': z.object({ code: z.string().min(1).max(4_000), contactId: z.string().min(1).max(64).optional() }),
  /** Connects now to a paired device at a typed address (host:port), when its own address changed. */
  'sync.connectDevice': z.object({ deviceId: deviceIdArg, address: z.string().trim().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253}):\d{1,5}$/, 'Give the address as host:port, e.g. 192.168.1.20:47110.') }),
  /** Links a colleague's device to one of this person's contacts, or unlinks it (null). */
  'sync.linkContact': z.object({ deviceId: deviceIdArg, contactId: z.string().min(1).max(64).nullable() }),
  /** Stops all sync with a device at once and refuses it from then on. */
  'sync.revokeDevice': z.object({ deviceId: deviceIdArg }),
  /** The devices a note is shared with (colleagues' devices; own devices get every note anyway). */
  'sync.noteMembers': z.object({ noteId: z.string().min(1).max(64) }),
  /** Per document, how far each device that may sync it has caught up with this device's copy. */
  'sync.documentStatus': z.object({ documentIds: z.array(z.string().min(1).max(64)).max(200) }),
  /** Shares a note with a paired contact's device, or stops sharing it (role null). */
  'sync.setNoteMember': z.object({ noteId: z.string().min(1).max(64), deviceId: deviceIdArg, role: z.enum(['editor', 'viewer']).nullable() }),
  /** Sets the profile's relay (ws:// or wss://) and connects to it; null forgets it and disconnects. */
  'sync.setRelay': z.object({ url: z.string().trim().min(1, 'Type the relay address.').max(500, 'This relay address is too long.').nullable() }),
  /** Lets a shared note also sync through the relay, or stops it. A note shared with nobody never goes there. */
  'sync.setNoteRelayed': z.object({ noteId: z.string().min(1).max(64), relayed: z.boolean() }),
}

export interface SyncResults {
  'sync.status': SyncStatusView
  'sync.createInvite': InviteView
  /** For an own device, `restartRequired`: the profile now uses that device's workspace from its next start. */
  'sync.acceptInvite': { device: PairedDevice; shares: Array<{ documentId: string; url: string; title: string }>; workspaceUrl?: string; restartRequired?: true }
  'sync.connectDevice': { device: PairedDevice }
  'sync.linkContact': { device: PairedDevice }
  'sync.revokeDevice': { revoked: boolean }
  'sync.documentStatus': { documents: Array<{ documentId: string; devices: DeviceDocumentStatus[] }> }
  /** `relayed`: the note also syncs through the profile's relay. */
  'sync.noteMembers': { members: Array<{ deviceId: string; role: string }>; relayed: boolean }
  'sync.setNoteMember': { members: Array<{ deviceId: string; role: string }> }
  'sync.setRelay': { relay: SyncStatusView['relay'] }
  'sync.setNoteRelayed': { relayed: boolean }
}
