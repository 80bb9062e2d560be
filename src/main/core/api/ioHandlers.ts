import type { ApiEvents, HandlersFor } from '@shared/api'
import type { ImportCounts, ioArgs } from '@shared/api/io'
import { ApiError } from '@shared/errors'
import { workspaceNotes } from '../workspace/openWorkspace'
import { buildExport } from '../io/buildExport'
import { decodeImportInput } from '../io/decodeInput'
import { ImportSessions, type ImportSession } from '../io/ImportSessions'
import { noteIdsTaken } from '../io/noteIdsTaken'
import { previewOf } from '../io/previewOf'
import { existingIds } from '../io/profileData'
import { planCsv, readImport } from '../io/readImport'
import { writeImport } from '../io/writeImport'
import type { CoreContext } from './CoreContext'

type IoMethod = keyof typeof ioArgs
type Progress = ApiEvents['progress']

/**
 * Import (preview, re-map, commit, cancel) and export. Nothing is written before commitImport,
 * and commitImport refuses a preview that has errors. `progress` reports long reads and writes
 * as {task: 'import' | 'export', done, total}, at most about a hundred times per task.
 */
export function ioHandlers(ctx: CoreContext, emitProgress: (progress: Progress) => void = () => {}) {
  const sessions = new ImportSessions()

  const progressOf = (task: string) => {
    let last = -1
    return (done: number, total: number) => {
      const step = Math.max(1, Math.floor(total / 100))
      if (done === total || done === 0 || done - last >= step) {
        last = done
        emitProgress({ task, done, total })
      }
    }
  }

  /** Records and notes of a backup that the profile already has (left alone or merged on commit). */
  async function alreadyPresent(session: ImportSession): Promise<ImportCounts> {
    const skipped: ImportCounts = {}
    for (const kind of new Set(session.plan.records.filter((r) => r.meta).map((r) => r.kind))) {
      const existing = await existingIds(ctx, kind)
      const n = session.plan.records.filter((r) => r.kind === kind && r.meta && existing.has(r.meta.id)).length
      if (n > 0) skipped[kind] = n
    }
    const notes = workspaceNotes(ctx.workspace)
    const presentNotes = session.plan.notes.filter((note) => notes.has(note.id)).length
    if (presentNotes > 0) skipped.note = presentNotes
    return skipped
  }

  function remap(session: ImportSession, mapping: NonNullable<ImportSession['csv']>['mapping']): void {
    if (!session.csv) throw new ApiError('bad-request', 'Only a CSV import has a column mapping.')
    Object.assign(session, planCsv(session.csv, session.inputWarnings, mapping, progressOf('import')))
  }

  return {
    'io.previewImport': async ({ format, text, base64 }) => {
      const decoded = decodeImportInput({ text, base64 })
      const session = sessions.add(readImport(format, decoded.text, decoded.warnings, progressOf('import')))
      session.plan.errors.push(...(await noteIdsTaken(ctx, session.plan.notes)))
      return previewOf(session, await alreadyPresent(session))
    },

    'io.remapImport': async ({ importId, mapping }) => {
      const session = sessions.get(importId)
      remap(session, mapping)
      return previewOf(session, await alreadyPresent(session))
    },

    'io.commitImport': async ({ importId, mapping }) => {
      const session = sessions.get(importId)
      if (mapping) remap(session, mapping)
      const { errors } = session.plan
      if (errors.length > 0) {
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''
        throw new ApiError('bad-request', `Nothing was imported. ${errors[0]!.message}${more}`)
      }
      if (session.plan.records.length + session.plan.notes.length === 0) throw new ApiError('bad-request', 'Nothing was imported: the file holds nothing to import.')
      // Checked again: a document may have arrived under one of the notes' ids since the preview.
      const taken = await noteIdsTaken(ctx, session.plan.notes)
      if (taken.length > 0) throw new ApiError('bad-request', `Nothing was imported. ${taken[0]!.message}`)
      sessions.delete(importId)
      return writeImport(ctx, session.plan, progressOf('import'))
    },

    'io.cancelImport': ({ importId }) => ({ cancelled: sessions.delete(importId) }),

    'io.export': ({ format, ids }) => buildExport(ctx, format, ids),
  } satisfies HandlersFor<IoMethod>
}
