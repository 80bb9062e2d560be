import type { ApiEventName, ApiEvents, EventMessage } from '@shared/api'

type Listener = (message: EventMessage) => void

/** Fans core events out to the shells; a failing listener is logged and never stops the others. */
export class EventHub {
  private readonly listeners = new Set<Listener>()

  on(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener({ event, payload } as EventMessage)
      } catch (error) {
        console.error(`staffroom: an '${event}' listener failed`, error)
      }
    }
  }
}
