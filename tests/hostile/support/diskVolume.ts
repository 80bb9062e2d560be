import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statfsSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const fillerPrefix = 'filler-'
const chunk = Buffer.alloc(16 * 1024, 0x5a)

/**
 * Why a tiny volume cannot be made here (not root, no `mount`, a container without the
 * capability), or undefined when it can: the probe mounts and unmounts a 64 KB tmpfs.
 */
export function tinyVolumeUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (run the hostile suite as root, e.g. in the CI container)'
  let volume: TinyVolume | undefined
  try {
    volume = TinyVolume.mount(64 * 1024)
    return undefined
  } catch (error) {
    return `cannot mount a tmpfs here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
  } finally {
    volume?.unmount()
  }
}

/**
 * A real, tiny file system (tmpfs of a fixed size) the test can fill to the last byte with
 * filler files and free again. Unmounting is idempotent and lazy if something still holds a file.
 */
export class TinyVolume {
  private fillers = 0
  private mounted = true

  private constructor(readonly dir: string) {}

  static mount(sizeBytes: number): TinyVolume {
    const dir = mkdtempSync(join(tmpdir(), 'staffroom-disk-'))
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' })
    } catch (error) {
      rmSync(dir, { recursive: true, force: true })
      throw error
    }
    return new TinyVolume(dir)
  }

  freeBytes(): number {
    const stats = statfsSync(this.dir)
    return stats.bavail * stats.bsize
  }

  /** Writes filler files until at most `leaveBytes` are free; returns the bytes written. */
  fill(leaveBytes: number): number {
    const file = join(this.dir, `${fillerPrefix}${this.fillers++}`)
    const fd = openSync(file, 'w')
    let written = 0
    try {
      for (let free = this.freeBytes(); free > leaveBytes; free = this.freeBytes()) {
        const length = Math.min(chunk.length, Math.max(1, free - leaveBytes))
        try {
          written += writeSync(fd, chunk, 0, length)
        } catch (error) {
          if ((error as { code?: unknown }).code === 'ENOSPC') break
          throw error
        }
      }
    } finally {
      closeSync(fd)
    }
    return written
  }

  /** Deletes every filler file: the space comes back at once. */
  freeFillers(): void {
    for (const name of readdirSync(this.dir)) if (name.startsWith(fillerPrefix)) rmSync(join(this.dir, name), { force: true })
  }

  unmount(): void {
    if (!this.mounted) return
    this.mounted = false
    try {
      execFileSync('umount', [this.dir], { stdio: 'pipe' })
    } catch {
      // Something still holds a file (a core that failed to close): detach now, freed when released.
      execFileSync('umount', ['-l', this.dir], { stdio: 'pipe' })
    }
    rmSync(this.dir, { recursive: true, force: true })
  }
}
