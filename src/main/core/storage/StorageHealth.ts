import { diskFullMessage, diskSpaceBackMessage, isDiskFull } from './diskFull'

export interface StorageStatus {
  state: 'full' | 'ok'
  message: string
}

/** A background writer's way to try again: true once it has written everything it was holding. */
export type RetryWrite = () => boolean

/**
 * What the core knows about its disk. A background write (automerge-repo's saves, the index
 * projections) that fails because the disk is full must neither crash the core nor be dropped:
 * the writer keeps what it could not write and registers a retry here. The UI is told once that
 * the disk is full ('storage.status' → full), the retries run every `retryMs` until all of them
 * have written what they held, and the UI is told that space is back (→ ok).
 */
export class StorageHealth {
  private readonly retries = new Map<string, RetryWrite>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false

  constructor(
    private readonly onChange: (status: StorageStatus) => void,
    private readonly retryMs = 1_000,
  ) {}

  get isFull(): boolean {
    return this.retries.size > 0
  }

  /**
   * Called by a writer whose write failed. A full disk is handled (true): `retry` runs later. Any
   * other error is the caller's to handle (false).
   */
  failed(source: string, error: unknown, retry: RetryWrite): boolean {
    if (!isDiskFull(error)) return false
    const wasFull = this.isFull
    this.retries.set(source, retry)
    if (!wasFull) {
      console.warn(`staffroom: the disk is full (${source}); holding changes until there is room`)
      this.onChange({ state: 'full', message: diskFullMessage })
    }
    this.schedule()
    return true
  }

  /** Runs every registered retry now (the timer does this on its own). */
  retryNow(): void {
    if (!this.isFull) return
    for (const [source, retry] of [...this.retries]) {
      try {
        if (retry()) this.retries.delete(source)
      } catch (error) {
        if (isDiskFull(error)) continue
        // Not the disk any more: nothing a retry can fix, and the writer has reported it.
        this.retries.delete(source)
        console.error(`staffroom: retrying the held writes of ${source} failed`, error)
      }
    }
    if (this.isFull) this.schedule()
    else {
      console.warn('staffroom: there is room on the disk again; the held changes are saved')
      this.onChange({ state: 'ok', message: diskSpaceBackMessage })
    }
  }

  /** No more retries (the core is closing; it makes one last attempt itself). */
  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(): void {
    if (this.timer || this.stopped) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.retryNow()
    }, this.retryMs)
    // A retry must not keep a finished script alive.
    this.timer.unref?.()
  }
}
