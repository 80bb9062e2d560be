import * as A from '@automerge/automerge'

export { documentBomb } from '../../../src/main/core/sync/documentBomb.fixture'

/** A sync message carrying a whole document with `characters` ops of text: what a bomb of that size looks like. */
export function makeDocumentBomb(characters: number): Uint8Array {
  let doc = A.from<{ title: string; body?: string }>({ title: 'Shared with the hostile peer' })
  doc = A.change(doc, (d) => {
    d.body = ''
    A.splice(d, ['body'], 0, 0, 'a'.repeat(characters))
  })
  return A.encodeSyncMessage({ heads: A.getHeads(doc), need: [], have: [], changes: [A.save(doc)] })
}
