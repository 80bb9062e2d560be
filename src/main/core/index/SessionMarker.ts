import type { MetaStore } from '../storage/MetaStore'

const key = 'session.state'

/**
 * Remembers in the profile whether the core that last had it open closed it cleanly.
 *
 * The index is written as documents change, while automerge-repo saves the documents themselves
 * on a throttle (about 100 ms later). A process that dies in between (a crash, a kill, a power
 * cut) leaves index rows for changes that never reached the disk, or rows behind a document that
 * did, and the indexers' start-up only projects documents the index has never seen. So a core
 * that finds the previous session still marked open rebuilds the index from the documents before
 * it answers anything (tests/hostile/crashSafety.test.ts found and checks this).
 */
export class SessionMarker {
  constructor(private readonly meta: MetaStore) {}

  /** True if the last session did not reach `markClosed` (a profile never opened has no mark). */
  wasLeftOpen(): boolean {
    return this.meta.get(key) === 'open'
  }

  /** Written (and committed) before the indexers start, so before this session's first index write. */
  markOpen(): void {
    this.meta.set(key, 'open')
  }

  /** Only after every document is flushed and the indexers have stopped: index and documents agree. */
  markClosed(): void {
    this.meta.set(key, 'closed')
  }
}
