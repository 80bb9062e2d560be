import * as A from '@automerge/automerge'
import type { DocHandle, Repo } from '@automerge/automerge-repo'

/**
 * automerge-repo sends a document's local changes at most once per 100 ms (DocSynchronizer's
 * syncDebounceRate, a library constant): a keystroke within 100 ms of that document's previous
 * send waits for the window to close, whatever the stack. Keystrokes to one document are paced at
 * least this far apart (a typist at under 9 characters a second), so the figure measures the stack,
 * not where a keystroke fell in the throttle window; rotating over several documents keeps the run short.
 */
export const sameDocumentGapMs = 110

/** Where a keystroke's milliseconds went, from the network subsystems of the two Repos. */
export interface Split {
  /** Typed on A until A's Repo hands the sync message to its network adapter. */
  senderMs: number
  /** From A's hand-off until B's Repo gets the decoded message from its adapter (encode, socket, TLS, decode, checks). */
  wireMs: number
  /** From B's Repo getting the message until B's handle has A's heads (access check, apply, change listeners). */
  receiverMs: number
}

export interface Keystroke {
  latencyMs: number
  /** performance.now() when typed and when B had it, to line up with other timings. */
  typed: number
  seen: number
  split: Split
}

/**
 * Watches A's outgoing and B's incoming sync messages for one document at a time, so each
 * keystroke's latency can be split into sender, wire and receiver time (a few µs per message).
 */
export class SplitProbe {
  private documentId: string | undefined
  private sentAt = 0
  private receivedAt = 0

  constructor(a: Repo, b: Repo) {
    const network = a.networkSubsystem
    const send = network.send.bind(network)
    network.send = (message) => {
      if (!this.sentAt && message.type === 'sync' && message.documentId === this.documentId) this.sentAt = performance.now()
      send(message)
    }
    const incoming = b.networkSubsystem
    const emit = incoming.emit.bind(incoming) as (event: string, ...args: unknown[]) => boolean
    incoming.emit = ((event: string, ...args: unknown[]) => {
      const message = args[0] as { type?: string; documentId?: string } | undefined
      if (event === 'message' && !this.receivedAt && message?.type === 'sync' && message.documentId === this.documentId) this.receivedAt = performance.now()
      return emit(event, ...args)
    }) as typeof incoming.emit
  }

  watch(documentId: string): void {
    this.documentId = documentId
    this.sentAt = 0
    this.receivedAt = 0
  }

  split(typed: number, seen: number): Split {
    const sent = this.sentAt || typed
    const received = this.receivedAt || sent
    return { senderMs: sent - typed, wireMs: received - sent, receiverMs: seen - received }
  }
}

/**
 * Types one character at the end of A's body; resolves when B's handle has A's heads. The same
 * procedure for every variant, so only the stack between the two handles differs.
 */
export function keystroke(onA: DocHandle<{ body: string }>, onB: DocHandle<{ body: string }>, char: string, probe: SplitProbe): Promise<Keystroke> {
  return new Promise((resolve) => {
    probe.watch(onA.documentId)
    const typed = performance.now()
    onA.change((doc) => A.splice(doc, ['body'], doc.body.length, 0, char))
    const typedHeads = A.getHeads(onA.doc())
    // Registered in the same tick as the change: B cannot receive it before this listens.
    const arrived = () => {
      if (!A.hasHeads(onB.doc(), typedHeads)) return
      const seen = performance.now()
      onB.off('change', arrived)
      resolve({ latencyMs: seen - typed, typed, seen, split: probe.split(typed, seen) })
    }
    onB.on('change', arrived)
  })
}

/** Until B's handle holds everything A's does (after setup, before timing). */
export async function converged(onA: DocHandle<unknown>, onB: DocHandle<unknown>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!A.hasHeads(onB.doc() as A.Doc<unknown>, A.getHeads(onA.doc() as A.Doc<unknown>))) {
    if (Date.now() > deadline) throw new Error(`B did not catch up with A within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
