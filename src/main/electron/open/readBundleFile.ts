import { open, stat as statPath } from 'node:fs/promises'
import path from 'node:path'
import { isBundlePath } from './launchArgs'

export type BundleFileRead = { ok: true; bytes: Buffer } | { ok: false; message: string }

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`
}

/**
 * Reads a bundle file the OS (or the Open dialog) handed over, never more than `maxBytes`: the
 * size is checked on the open file and the read stops one byte past it, so a file that grows
 * meanwhile is refused too. Each refusal names the file and says what is wrong with it.
 */
export async function readBundleFile(file: string, maxBytes: number): Promise<BundleFileRead> {
  const name = `“${path.basename(file)}”`
  if (!isBundlePath(file)) return { ok: false, message: `${name} is not a Staffroom bundle: bundles are files whose names end in .staffroom.` }
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    // Checked before opening: opening a named pipe would wait for a writer forever.
    const kind = await statPath(file)
    if (kind.isDirectory()) return { ok: false, message: `${name} is a folder, not a Staffroom bundle.` }
    if (!kind.isFile()) return { ok: false, message: `${name} is not a file Staffroom can open.` }
    handle = await open(file, 'r')
    const stat = await handle.stat()
    if (!stat.isFile()) return { ok: false, message: `${name} is not a file Staffroom can open.` }
    const tooLarge = { ok: false, message: `${name} is larger than ${size(maxBytes)}, the largest bundle Staffroom opens.` } as const
    if (stat.size > maxBytes) return tooLarge
    // One byte more than the size says, to notice a file that grew after the check.
    const buffer = Buffer.alloc(stat.size + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) return tooLarge
    if (length !== stat.size) return { ok: false, message: `${name} changed while Staffroom was reading it. Try again once it is saved.` }
    return { ok: true, bytes: buffer.subarray(0, length) }
  } catch (error) {
    return { ok: false, message: describeReadError(name, error) }
  } finally {
    await handle?.close()
  }
}

function describeReadError(name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return `Staffroom cannot find ${name}: it may have been moved or deleted.`
  if (code === 'EISDIR') return `${name} is a folder, not a Staffroom bundle.`
  if (code === 'EACCES' || code === 'EPERM') return `Staffroom is not allowed to read ${name}.`
  return `Staffroom could not read ${name}${code ? ` (${code})` : ''}.`
}
