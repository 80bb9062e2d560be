import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { errorCodes, type ApiErrorShape, type RpcResult } from '@shared/errors'
import { recordKinds } from '@shared/network/records'
import type { Core } from '../../../src/main/core/Core'
import { openCore, type CoreInternals } from '../../../src/main/core/createCore'
import { allRecords } from '../../../src/main/core/io/profileData'
import { makeTempDir } from '../../../src/main/core/testing/tempDir'
import { workspaceNotes } from '../../../src/main/core/workspace/openWorkspace'

/** Far above any honest import of a few megabytes; a dispatch slower than this counts as a hang. */
const hangMs = 30_000

/**
 * What the profile's documents are: the heads of every document the Repo has ready (collections
 * are loaded when the core starts, so a new key is a new document) and the notes the workspace
 * lists. A refused import must leave this exactly as it was.
 */
export interface ProfileState {
  notes: number
  heads: Record<string, string>
}

/** Records by kind, from the documents (the truth, not the index), plus the workspace's notes. */
export type ProfileCounts = Record<string, number>

/**
 * A real core on a temp profile for the hostile-file tests: dispatch with a hang guard, the
 * profile's state to compare, and the checks every refusal must pass (a typed, human error).
 */
export class FilesCore {
  private constructor(
    readonly core: Core,
    readonly internals: CoreInternals,
    private readonly removeDir: () => void,
  ) {}

  static async start(options: { feedFetch?: Parameters<typeof openCore>[0]['feedFetch'] } = {}): Promise<FilesCore> {
    const temp = makeTempDir('staffroom-hostile-files-')
    const { core, internals } = await openCore({ dataDir: join(temp.dir, 'profile'), feedFetch: options.feedFetch })
    const files = new FilesCore(core, internals, temp.remove)
    await files.counts()
    return files
  }

  /** Dispatches like the UI does; a call that does not answer in time fails the trial as a hang. */
  async dispatch(method: string, args: unknown): Promise<RpcResult<unknown>> {
    let timer: NodeJS.Timeout | undefined
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} did not answer within ${hangMs / 1000} s (a hang)`)), hangMs)
    })
    try {
      return await Promise.race([this.core.dispatch(method, args), hang])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Calls and unwraps, failing loudly: for setup and follow-ups that must work. */
  async call<T>(method: string, args: unknown = {}): Promise<T> {
    const result = await this.dispatch(method, args)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`)
    return result.value as T
  }

  /** The core still answers after a hostile file: a cheap read must succeed. */
  async assertResponsive(): Promise<void> {
    await this.call('contacts.list', { sort: 'name' })
  }

  async state(): Promise<ProfileState> {
    const { ctx } = this.internals
    const heads: Record<string, string> = {}
    for (const [id, handle] of Object.entries(ctx.repo.handles)) {
      if (handle.isReady()) heads[id] = A.getHeads(handle.doc() as A.Doc<unknown>).join(',')
    }
    return { notes: workspaceNotes(ctx.workspace).size, heads }
  }

  async counts(): Promise<ProfileCounts> {
    const { ctx } = this.internals
    const counts: ProfileCounts = {}
    for (const kind of recordKinds) counts[kind] = (await allRecords(ctx, kind)).length
    counts.note = workspaceNotes(ctx.workspace).size
    this.records = Object.values(counts).reduce((sum, n) => sum + n, 0)
    return counts
  }

  /** Records and notes at the last count: trials start a fresh profile when it grows large, to stay quick. */
  records = 0

  async shutdown(): Promise<void> {
    await this.core.shutdown()
    this.removeDir()
  }
}

/** The difference between two counts, leaving out what did not change. */
export function countDelta(before: ProfileCounts, after: ProfileCounts): Record<string, number> {
  const delta: Record<string, number> = {}
  for (const [kind, n] of Object.entries(after)) if (n !== (before[kind] ?? 0)) delta[kind] = n - (before[kind] ?? 0)
  return delta
}

/**
 * Text that is a leaked exception rather than a message for a teacher: JavaScript error names,
 * "undefined", stack frames, "[object Object]".
 */
const rawExceptionText = /\b(TypeError|RangeError|ReferenceError|SyntaxError|InternalError|AggregateError)\b|Cannot read propert|is not a function|is not iterable|\bundefined\b|\[object \w+\]|\n\s+at /

/** Why an error is not a clear, typed one, or null when it is. */
export function unclearError(error: ApiErrorShape): string | null {
  if (!(errorCodes as readonly string[]).includes(error.code)) return `unknown error code "${error.code}"`
  if (error.code === 'internal') return `an internal error ("${error.message}"): the handler threw something it did not mean to`
  return unclearMessage(error.message)
}

/** Why a message shown to the user is not a clear one, or null when it is. */
export function unclearMessage(message: string): string | null {
  if (message.trim().length < 10) return `a message too short to help: "${message}"`
  if (rawExceptionText.test(message)) return `a raw exception in the message: "${message.slice(0, 300)}"`
  return null
}
