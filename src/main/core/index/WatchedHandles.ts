import type { DocHandle } from '@automerge/automerge-repo'

/**
 * The document handles an indexer follows: each change, and the first moment a handle is ready,
 * reports its document id (the indexer queues it for projection).
 */
export class WatchedHandles {
  private readonly unwatch = new Map<string, () => void>()

  constructor(private readonly onDirty: (documentId: string) => void) {}

  has(documentId: string): boolean {
    return this.unwatch.has(documentId)
  }

  ids(): IterableIterator<string> {
    return this.unwatch.keys()
  }

  watch(handle: DocHandle<unknown>): void {
    const id = handle.documentId
    if (this.unwatch.has(id)) return
    const onChange = () => this.onDirty(id)
    handle.on('change', onChange)
    this.unwatch.set(id, () => handle.off('change', onChange))
    if (handle.isReady()) this.onDirty(id)
    else void handle.whenReady().then(() => this.onDirty(id), () => undefined)
  }

  forget(documentId: string): void {
    this.unwatch.get(documentId)?.()
    this.unwatch.delete(documentId)
  }

  clear(): void {
    for (const stop of this.unwatch.values()) stop()
    this.unwatch.clear()
  }
}
