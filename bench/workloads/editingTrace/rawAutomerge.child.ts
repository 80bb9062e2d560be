// Variant (a), the baseline: the raw Automerge library, one A.change with one A.splice per edit,
// persisted as A.save. What any Automerge-based stack can at best do. Plain text from empty, as
// ours replays into a project body emptied of its paragraph marker.
import * as A from '@automerge/automerge'
import { serveReplay } from './replayChild'

await serveReplay(async () => {
  let doc = A.from<{ text: string }>({ text: '' })
  let saved: Uint8Array = new Uint8Array()
  return {
    apply(position, deleteCount, inserted) {
      doc = A.change(doc, (d) => A.splice(d, ['text'], position, deleteCount, inserted))
    },
    async persist() {
      saved = A.save(doc)
      return { savedBytes: saved.byteLength }
    },
    async readBack() {
      return A.load<{ text: string }>(saved).text
    },
    async close() {},
  }
})
