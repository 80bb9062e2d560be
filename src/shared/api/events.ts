/** Commands the Electron app menu sends to the page (File ▸ New Note, Edit ▸ Search…). */
export type MenuCommand = 'new-note' | 'search'

/** A place in the app the desktop shell can send the page to (a reminder notification was clicked). */
export type OpenTarget = { section: 'contacts'; recordId: string } | { section: 'keep-in-touch' }

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
  /** The user clicked an OS notification in the Electron shell; the page opens this place. Never sent by serve. */
  'shell.open': { target: OpenTarget }
}
export type ApiEventName = keyof ApiEvents

export interface EventMessage<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ApiEvents[E]
}
