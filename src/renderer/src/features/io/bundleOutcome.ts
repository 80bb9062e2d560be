import type { BundleImportResult } from '@shared/api/bundles'
import type { Route } from '../../app/route'
import { displayTitle } from '../notes/useNoteActions'
import { spaceTitle } from '../spaces/spaceText'

/** What an imported bundle became, worded the same on the Import and export screen and in the desktop app's notice. */
export function bundleOutcomeText(result: BundleImportResult, source: string): { title: string; message: string } {
  const title = bundleDocumentTitle(result)
  if (result.outcome === 'merged') return { title: 'Merged into your copy', message: `“${title}” now holds the changes from ${source} too.` }
  const place = result.kind === 'note' ? 'your notes' : 'your shared spaces'
  return { title: `Added to ${place}`, message: `“${title}” from ${source} is now among ${place}.` }
}

function bundleDocumentTitle(result: BundleImportResult): string {
  return result.kind === 'note' ? displayTitle(result.title) : spaceTitle({ title: result.title, kind: result.kind })
}

/** Where the imported document opens: a note in All notes, a project or circle on its own page. */
export function bundleDocumentRoute(result: BundleImportResult): Route {
  if (result.kind === 'project') return { section: 'projects', spaceId: result.documentId }
  if (result.kind === 'circle') return { section: 'circles', spaceId: result.documentId }
  return { section: 'all', noteId: result.documentId }
}
