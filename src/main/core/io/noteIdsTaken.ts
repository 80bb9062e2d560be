import { isValidDocumentId, type DocumentId } from '@automerge/automerge-repo'
import type { ImportMessage } from '@shared/api/io'
import type { CoreContext } from '../api/CoreContext'
import { workspaceNotes } from '../workspace/openWorkspace'
import type { PlannedNote } from './ImportPlan'

/**
 * Errors for backup notes whose id is the id of some other document in this profile (the
 * workspace, a record collection, a project...). writeImport restores a note under its own id,
 * and Repo.import under an id this profile already uses merges into that document: a damaged or
 * crafted backup would write a note's fields into the workspace. Listed notes are merged on
 * purpose and are fine; ids that are not document ids get a new id and are fine too.
 */
export async function noteIdsTaken(ctx: CoreContext, notes: readonly PlannedNote[]): Promise<ImportMessage[]> {
  const listed = workspaceNotes(ctx.workspace)
  const errors: ImportMessage[] = []
  for (const note of notes) {
    if (!isValidDocumentId(note.id) || listed.has(note.id)) continue
    const loaded = ctx.repo.handles[note.id as DocumentId]
    const stored = loaded?.isReady() || (await ctx.storage.loadRange([note.id])).length > 0
    if (stored) {
      const name = note.title ? `"${note.title.slice(0, 80)}"` : 'without a title'
      errors.push({ record: `note ${note.id}`, message: `Note ${name} (id ${note.id}): this id belongs to another document in this profile, so the note cannot be restored under it (the backup may be damaged).` })
    }
  }
  return errors
}
