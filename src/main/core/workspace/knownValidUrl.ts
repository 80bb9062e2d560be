import { isValidAutomergeUrl, type AutomergeUrl } from '@automerge/automerge-repo'

const maxRemembered = 200_000
const valid = new Set<string>()

/**
 * isValidAutomergeUrl, remembered. Checking a URL decodes its base58check checksum (two SHA-256
 * rounds); the workspace lists every note, collection and space, and its readers run on every
 * workspace change, so without this each new note re-checked all the others (about a third of
 * the CPU time of writing 1,000 notes into a big workspace, measured by `npm run bench`).
 */
export function isKnownValidUrl(url: string): url is AutomergeUrl {
  if (valid.has(url)) return true
  if (!isValidAutomergeUrl(url)) return false
  if (valid.size >= maxRemembered) valid.clear()
  valid.add(url)
  return true
}
