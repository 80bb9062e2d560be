import type { ImportCounts, ImportFormat } from '@shared/api/io'
import { importLimits } from '@shared/api/io'
import { uploadMethods } from '@shared/api/wire'
import { limits } from '@shared/limits'
import type { Platform } from '../../platform/connect'

export const importFormatLabels: Record<ImportFormat, string> = {
  vcard: 'vCard (.vcf)',
  csv: 'CSV (.csv)',
  backup: 'Staffroom backup (.json)',
}

export const importAccept = '.vcf,.vcard,.csv,.json,text/vcard,text/csv,application/json'

/** The format a file most likely has, from its extension; vCard when nothing fits. */
export function guessImportFormat(fileName: string): ImportFormat {
  const name = fileName.toLowerCase()
  if (name.endsWith('.csv')) return 'csv'
  if (name.endsWith('.json')) return 'backup'
  return 'vcard'
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/**
 * In serve the page talks to the core over a WebSocket whose messages are capped (file-carrying
 * methods have their own, larger cap); the file travels as JSON text, so escapes count too.
 */
const wireLimitBytes = uploadMethods.has('io.previewImport') ? limits.rpcUploadMessageBytes : limits.rpcMessageBytes

function wireBytes(text: string): number {
  return new TextEncoder().encode(JSON.stringify({ method: 'io.previewImport', args: { format: 'backup', text } })).length + 256
}

/** Why this file cannot be imported here, in words for the user; null when it can. */
export function sizeProblem(fileBytes: number, text: string | null, shell: Platform['shell']): string | null {
  if (fileBytes > importLimits.maxBytes) {
    return `This file is ${megabytes(fileBytes)}; Staffroom imports files up to ${megabytes(importLimits.maxBytes)}. Split it into smaller files and import them one by one.`
  }
  if (shell !== 'serve') return null
  const bytes = text === null ? fileBytes : wireBytes(text)
  if (bytes > wireLimitBytes) {
    return `This file is ${megabytes(fileBytes)}, too large to send from the browser in one piece (at most ${megabytes(wireLimitBytes)} once encoded). Split it into smaller files, or import it in the desktop app.`
  }
  return null
}

const kindWords: Record<keyof ImportCounts, [string, string]> = {
  contact: ['contact', 'contacts'],
  interaction: ['interaction', 'interactions'],
  community: ['community', 'communities'],
  event: ['event', 'events'],
  goal: ['goal', 'goals'],
  journal: ['journal entry', 'journal entries'],
  resource: ['resource', 'resources'],
  reading: ['reading', 'readings'],
  feed: ['feed', 'feeds'],
  checkin: ['check-in', 'check-ins'],
  note: ['note', 'notes'],
}

export function countPhrase(kind: keyof ImportCounts, count: number): string {
  const [one, many] = kindWords[kind]
  return `${count} ${count === 1 ? one : many}`
}

/** Non-zero counts as a list, e.g. ["3 contacts", "1 note"]. */
export function countPhrases(counts: ImportCounts): string[] {
  return (Object.keys(kindWords) as Array<keyof ImportCounts>).filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => countPhrase(kind, counts[kind] ?? 0))
}

export function totalCount(counts: ImportCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0)
}

/** The commit button's words: "Import 3 contacts", or "Import 12 records" for a mixed backup. */
export function commitLabel(counts: ImportCounts): string {
  const kinds = (Object.keys(kindWords) as Array<keyof ImportCounts>).filter((kind) => (counts[kind] ?? 0) > 0)
  const [only] = kinds
  if (kinds.length === 1 && only) return `Import ${countPhrase(only, counts[only] ?? 0)}`
  const total = totalCount(counts)
  return `Import ${total} record${total === 1 ? '' : 's'}`
}

/** The file's text as UTF-8 (a UTF-8 BOM is dropped); FileReader works in every shell and in tests. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsText(file, 'utf-8')
  })
}
