import { Repo } from '@automerge/automerge-repo'
import { SpaceActivityIndexer } from '../../../src/main/core/dashboard/SpaceActivityIndexer'
import { NetworkIndexer } from '../../../src/main/core/index/network/NetworkIndexer'
import { NoteIndexer } from '../../../src/main/core/index/NoteIndexer'
import { DeviceIdentityStore } from '../../../src/main/core/sync/DeviceIdentityStore'
import { cpuMs } from './memory'

/** A moment inside openCore: ms since process start, and CPU ms used by then. */
export type Mark = [name: string, ms: number, cpuMs: number]

/**
 * Where openCore's time goes, without touching src/: wraps the few steps that matter (device
 * identity, the first Repo.find, which is the workspace document, and the indexers' start) to
 * note when each ended. A wrapper call costs microseconds; the steps take milliseconds or more.
 */
export function markOpenCorePhases(): Mark[] {
  const marks: Mark[] = []
  const mark = (name: string) => marks.push([name, performance.now(), cpuMs()])
  // A phase runs from its own start mark or, without one, from the previous mark (or code loaded).
  const wrap = (proto: object, method: string, name: string, { once = false, markStart = true } = {}) => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>
    const original = target[method]!
    let seen = false
    target[method] = function (this: unknown, ...args: unknown[]) {
      if (once && seen) return original.apply(this, args)
      seen = true
      if (markStart) mark(`${name} start`)
      const result = original.apply(this, args)
      if (result instanceof Promise) return result.then((value: unknown) => (mark(name), value))
      mark(name)
      return result
    }
  }
  wrap(DeviceIdentityStore.prototype, 'loadOrCreate', 'database open, migrations check, device identity', { markStart: false })
  wrap(Repo.prototype, 'find', 'workspace document', { once: true })
  wrap(NoteIndexer.prototype, 'start', 'notes indexer')
  wrap(NetworkIndexer.prototype, 'start', 'network indexer')
  wrap(SpaceActivityIndexer.prototype, 'start', 'space activity indexer')
  return marks
}
