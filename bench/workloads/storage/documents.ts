import * as A from '@automerge/automerge'
import { generateAutomergeUrl, parseAutomergeUrl, type StorageKey } from '@automerge/automerge-repo'

/** A small document: the few short fields of a contact card. */
export type SmallDoc = {
  name: string
  email: string
  year: number
  subjects: string[]
  createdAt: number
}

export function smallDoc(i: number): SmallDoc {
  return { name: `Contact ${i}`, email: `contact${i}@school.example`, year: 7 + (i % 6), subjects: ['maths', 'science'], createdAt: 1_780_000_000_000 + i }
}

/** A document's snapshot chunk as automerge-repo's StorageSubsystem writes it on a first save. */
export interface SavedChunk {
  key: StorageKey
  data: Uint8Array
}

/** `count` small documents saved once (outside any timing): the same bytes for every variant. */
export function smallDocChunks(count: number): SavedChunk[] {
  const chunks: SavedChunk[] = []
  for (let i = 0; i < count; i++) {
    const doc = A.from(smallDoc(i))
    const { documentId } = parseAutomergeUrl(generateAutomergeUrl())
    chunks.push({ key: [documentId, 'snapshot', A.getHeads(doc)[0]!], data: A.save(doc) })
    A.free(doc)
  }
  return chunks
}

export interface LargeDoc {
  binary: Uint8Array
  heads: string[]
  body: string
}

/**
 * One large document: a note whose body grew to 3 MB over 300 edits of 10,000 characters of
 * seeded pseudo-random words (text that compresses about as well as prose, so the saved document
 * stays several MB).
 */
export function largeDoc(): LargeDoc {
  let seed = 12345
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  const letters = 'etaoinshrdlucmfwypvbgkjqxz'
  const word = () => Array.from({ length: 2 + Math.floor(random() * 8) }, () => letters[Math.floor(random() * random() * letters.length)]).join('')
  let doc = A.from({ title: 'Scheme of work', body: '' })
  // The length is tracked here: reading d.body inside a change would materialise the whole text each time.
  let length = 0
  for (let edit = 0; edit < 300; edit++) {
    let paragraph = ''
    while (paragraph.length < 10_000) paragraph += `${word()} `
    paragraph = `${paragraph.slice(0, 9_999)}\n`
    doc = A.change(doc, (d) => A.splice(d, ['body'], length, 0, paragraph))
    length += paragraph.length
  }
  const result = { binary: A.save(doc), heads: A.getHeads(doc), body: doc.body }
  A.free(doc)
  return result
}
