/** Push events from the core to every connected UI. */
export interface ApiEvents {
  /** The index changed; views showing these kinds refresh. */
  'index.changed': { kinds: Array<'notes'>; ids: string[] }
  /** Progress of long work (reindex, import, initial sync). */
  'progress': { task: string; done: number; total: number }
}
export type ApiEventName = keyof ApiEvents

export interface EventMessage<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ApiEvents[E]
}
