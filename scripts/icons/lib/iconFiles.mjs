// Writing the rendered icon files, and finding which committed ones differ from a fresh render.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseIcns, parseIco } from './iconReaders.mjs'
import { decodePng } from './png.mjs'

/**
 * @param {Map<string, Buffer>} files contents by path relative to dir
 * @param {string} dir
 */
export function writeIconFiles(files, dir) {
  for (const [file, bytes] of files) {
    const target = path.join(dir, file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, bytes)
  }
}

/**
 * The files in dir that are missing or differ from the fresh render.
 * @param {Map<string, Buffer>} files contents by path relative to dir
 * @param {string} dir
 * @returns {string[]} relative paths
 */
export function staleIconFiles(files, dir) {
  const stale = []
  for (const [file, fresh] of files) {
    const target = path.join(dir, file)
    if (!existsSync(target) || !sameIcon(file, readFileSync(target), fresh)) stale.push(file)
  }
  return stale
}

/**
 * Equal bytes, or (when another zlib build compressed the same pixels differently) the same
 * structure with the same pixels in every image.
 * @param {string} file decides the format by its extension
 * @param {Buffer} committed
 * @param {Buffer} fresh
 * @returns {boolean}
 */
export function sameIcon(file, committed, fresh) {
  if (committed.equals(fresh)) return true
  try {
    if (file.endsWith('.png')) return samePixels(committed, fresh)
    if (file.endsWith('.ico')) {
      const [a, b] = [parseIco(committed), parseIco(fresh)]
      return a.length === b.length && a.every((entry, i) => entry.width === b[i]?.width && entry.height === b[i]?.height && samePixels(entry.data, b[i].data))
    }
    if (file.endsWith('.icns')) {
      const [a, b] = [parseIcns(committed), parseIcns(fresh)]
      return (
        a.declaredLength === committed.length &&
        a.entries.length === b.entries.length &&
        a.entries.every((entry, i) => entry.type === b.entries[i]?.type && samePixels(entry.data, b.entries[i].data))
      )
    }
  } catch {
    // A committed file that does not parse is stale.
  }
  return false
}

/**
 * @param {Uint8Array} a
 * @param {Uint8Array} b
 * @returns {boolean}
 */
function samePixels(a, b) {
  const [x, y] = [decodePng(a), decodePng(b)]
  return x.width === y.width && x.height === y.height && Buffer.from(x.data).equals(Buffer.from(y.data))
}
