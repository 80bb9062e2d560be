/**
 * Collects keys and hands them over in one batch at most every `delayMs`, so a burst of edits
 * (typing, a sync of many documents) becomes one piece of work or one event.
 */
export class Coalescer<K> {
  private readonly pending = new Set<K>()
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly delayMs: number,
    private readonly onBatch: (keys: K[]) => void,
  ) {}

  add(key: K): void {
    this.pending.add(key)
    this.timer ??= setTimeout(() => this.flush(), this.delayMs)
  }

  /** Hands over what is pending now (used on shutdown and by callers that need the work done). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending.size === 0) return
    const keys = [...this.pending]
    this.pending.clear()
    this.onBatch(keys)
  }

  get size(): number {
    return this.pending.size
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.pending.clear()
  }
}
