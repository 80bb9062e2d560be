import type { AutomergeUrl, Repo } from '@automerge/automerge-repo'
import { circleLimits } from '@shared/api/circles'
import { ApiError } from '@shared/errors'

/** A file shared in a circle: its own document, so the circle document stays small to sync and open. */
export interface CircleFileDoc {
  kind: 'circle-file'
  name: string
  mediaType: string
  bytes: Uint8Array
}

export interface CircleFileContent {
  name: string
  mediaType: string
  bytes: Uint8Array
}

/** How long a download waits for a file that is not here yet before saying so. */
const arrivalWaitMs = 15_000

/** Decodes a file sent as base64, refusing empty and oversized ones with a message that says which. */
export function decodeCircleFile(base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  if (bytes.length === 0) throw new ApiError('bad-request', 'This file is empty; there is nothing to share.')
  if (bytes.length > circleLimits.fileBytes) throw new ApiError('too-large', `A file in a circle can be at most 10 MB; this one is ${(bytes.length / 1024 / 1024).toFixed(1)} MB.`)
  return bytes
}

/** A name safe to offer as a download: no folders, no control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const cleaned = name.replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim()
  return cleaned.slice(0, circleLimits.fileNameChars) || 'file'
}

/** A media type as sent, if it looks like one; anything else is plain bytes. */
export function safeMediaType(mediaType: string): string {
  const lowered = mediaType.trim().toLowerCase()
  return /^[a-z0-9][\w.+-]*\/[\w.+-]+$/.test(lowered) ? lowered : 'application/octet-stream'
}

export function createCircleFile(repo: Repo, content: CircleFileContent): AutomergeUrl {
  return repo.create<CircleFileDoc>({ kind: 'circle-file', name: content.name, mediaType: content.mediaType, bytes: content.bytes }).url
}

/** A file document's content, checked (a peer may send any shape), waiting a while for it to arrive. */
export async function readCircleFile(repo: Repo, url: AutomergeUrl): Promise<CircleFileContent> {
  const notHere = new ApiError('not-found', 'This file has not reached this device yet; it comes from a member’s device while both are online. Try again in a moment.')
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(notHere), arrivalWaitMs)))
  let doc: Partial<CircleFileDoc> | undefined
  try {
    const handle = await Promise.race([repo.find<CircleFileDoc>(url), timeout])
    doc = handle.doc()
  } catch (error) {
    throw error instanceof ApiError ? error : notHere
  } finally {
    clearTimeout(timer)
  }
  if (doc?.kind !== 'circle-file' || !(doc.bytes instanceof Uint8Array) || doc.bytes.length > circleLimits.fileBytes) {
    throw new ApiError('not-found', 'This file is damaged or is not a circle file; ask whoever shared it to add it again.')
  }
  return { name: safeFileName(typeof doc.name === 'string' ? doc.name : ''), mediaType: safeMediaType(typeof doc.mediaType === 'string' ? doc.mediaType : ''), bytes: doc.bytes }
}
