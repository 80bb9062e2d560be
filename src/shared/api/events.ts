import type { BundleImportResult } from './bundles'
import type { UpdateStatus } from './desktop'
/** Commands the Electron app menu sends to the page (File ▸ New Note, Edit ▸ Search…, Settings, Check for Updates…). */
export type MenuCommand = 'new-note' | 'search' | 'settings' | 'check-for-updates'

/**
 * A place in the app the desktop shell sends the page to: a reminder notification was clicked, a
 * staffroom:// invite link was opened (the page fills in the code; the teacher still accepts), or
 * a .staffroom bundle file was opened with the app (the shell has imported it, or refused it and
 * changed nothing).
 */
export type OpenTarget =
  | { section: 'contacts'; recordId: string }
  | { section: 'keep-in-touch' }
  | { section: 'accept-invite'; code: string }
  | { section: 'bundle-opened'; fileName: string; result: BundleImportResult }
  | { section: 'bundle-refused'; fileName: string; message: string }

/** What `index.changed` reports as changed; 'settings' = keeping-in-touch settings. */
export type IndexKind = 'notes' | 'contacts' | 'interactions' | 'communities' | 'events' | 'goals' | 'journal' | 'resources' | 'reading' | 'feeds' | 'checkins' | 'settings'

/** Push events to every connected UI: from the core, and in Electron also from the app menu. */
export interface ApiEvents {
  /** The index changed; views showing these kinds refresh. */
  'index.changed': { kinds: IndexKind[]; ids: string[] }
  /** Progress of long work (reindex, import, initial sync). */
  'progress': { task: string; done: number; total: number }
  /**
   * The disk holding the profile filled up ('full': changes are held in memory and retried) or has
   * room again ('ok': what was held is saved). `message` is for the user, as is.
   */
  'storage.status': { state: 'full' | 'ok'; message: string }
  /** The user chose a menu item (or its accelerator) in the Electron shell; never sent by serve. */
  'menu.command': { command: MenuCommand }
  /** The Electron shell asks the page to open this place (a notification, a link, a file). Never sent by serve. */
  'shell.open': { target: OpenTarget }
  /** The desktop app's update status changed (checking, available with its notes, downloading, ready). Never sent by serve. */
  'updates.status': UpdateStatus
}
export type ApiEventName = keyof ApiEvents

export interface EventMessage<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ApiEvents[E]
}
