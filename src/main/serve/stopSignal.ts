/** The part of `process` that delivers signals; a parameter so tests can send them. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: () => void): unknown
  off(signal: NodeJS.Signals, listener: () => void): unknown
}

export const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

/**
 * Resolves with the first SIGINT or SIGTERM. Only the first is caught: a second Ctrl+C while
 * saving falls through to Node's default and quits at once, as users expect of a hung tool.
 */
export function waitForStopSignal(source: SignalSource = process): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const listeners = stopSignals.map((signal) => {
      const listener = () => {
        for (const [other, registered] of listeners) source.off(other, registered)
        resolve(signal)
      }
      source.once(signal, listener)
      return [signal, listener] as const
    })
  })
}
