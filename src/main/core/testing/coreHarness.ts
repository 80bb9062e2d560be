import { MessageChannel } from 'node:worker_threads'
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import * as A from '@automerge/automerge'
import type { ApiMethod, ApiResults, EventMessage } from '@shared/api'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from '../Core'

/** Calls a method through dispatch (the real boundary) and unwraps the value, failing loudly. */
export async function call<M extends ApiMethod>(core: Core, method: M, args: unknown = {}): Promise<ApiResults[M]> {
  const result = await core.dispatch(method, args)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as ApiResults[M]
}

/** A second, in-memory Repo connected to the core through a MessageChannel: how the renderer edits notes. */
export function connectRenderer(core: Core): { repo: Repo; close: () => Promise<void> } {
  const { port1, port2 } = new MessageChannel()
  core.connectLocalUi(new MessageChannelNetworkAdapter(port1 as never))
  const repo = new Repo({ network: [new MessageChannelNetworkAdapter(port2 as never)] })
  return {
    repo,
    close: async () => {
      await repo.shutdown()
      port1.close()
      port2.close()
    },
  }
}

/** Writes a heading and a paragraph into a note body the way @automerge/prosemirror stores them. */
export function writeRichBody(handle: DocHandle<NoteDoc>, heading: string, paragraph: string): void {
  handle.change((doc) => {
    A.splice(doc, ['body'], 0, doc.body.length)
    A.splitBlock(doc, ['body'], 0, { type: 'heading', parents: [], attrs: { level: 1 } })
    A.splice(doc, ['body'], 1, 0, heading)
    A.splitBlock(doc, ['body'], 1 + heading.length, { type: 'paragraph', parents: [], attrs: {} })
    A.splice(doc, ['body'], 2 + heading.length, 0, paragraph)
    A.mark(doc, ['body'], { start: 2 + heading.length, end: 2 + heading.length + Math.min(4, paragraph.length), expand: 'both' }, 'strong', true)
  })
}

export function collectEvents(core: Core): EventMessage[] {
  const events: EventMessage[] = []
  core.onEvent((message) => events.push(message))
  return events
}

export function asUrl(url: string): AutomergeUrl {
  return url as AutomergeUrl
}
