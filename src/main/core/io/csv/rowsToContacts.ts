import type { CsvMapping, CsvTarget, ImportMessage } from '@shared/api/io'
import type { ContactChannel } from '@shared/network/records'
import { emptyPlan, type ImportPlan } from '../ImportPlan'
import { finishContact, type ContactDraft } from '../finishContact'
import type { CsvRow } from './readCsv'
import { unescapeFormula } from './writeCsv'

/** Separators inside one cell: ";" (our export, Outlook) and " ::: " (Google Contacts). */
const listSeparator = /\s*(?:;|:::)\s*/
/** Addresses split only on "; " and " ::: ", since a URL may hold a bare ";". */
const channelSeparator = /;\s+|\s+:::\s+/
const channelTargets: Partial<Record<CsvTarget, ContactChannel['kind']>> = { email: 'email', phone: 'phone', website: 'website', social: 'social' }
const listTargets = new Set<CsvTarget>(['subjects', 'gradeLevels', 'interests', 'tags'])

/**
 * Turns CSV rows into planned contacts with the given column mapping. A row without a name is
 * an error naming its line; over-long values are cut with a warning (see finishContact).
 */
export function rowsToContacts(rows: readonly CsvRow[], mapping: CsvMapping, onProgress?: (done: number, total: number) => void): ImportPlan {
  const plan = emptyPlan()
  if (!mapping.includes('name') && !mapping.includes('givenName') && !mapping.includes('familyName')) {
    plan.errors.push({ message: 'Choose the column that holds the name (or the first and last name columns).' })
    return plan
  }
  rows.forEach((row, index) => {
    if (index % 5000 === 0) onProgress?.(index, rows.length)
    const draft = rowToDraft(row, mapping)
    if (!draft.name) return void plan.errors.push({ line: row.line, message: `Line ${row.line}: the row has no name.` })
    const finished = finishContact(draft, row.line)
    plan.warnings.push(...finished.warnings)
    if (finished.fields) plan.records.push({ kind: 'contact', fields: finished.fields, line: row.line })
    else plan.errors.push(finished.error as ImportMessage)
  })
  onProgress?.(rows.length, rows.length)
  return plan
}

function rowToDraft(row: CsvRow, mapping: CsvMapping): ContactDraft {
  const single: Partial<Record<CsvTarget, string>> = {}
  const lists: Partial<Record<CsvTarget, string[]>> = {}
  const channels: ContactChannel[] = []
  mapping.forEach((target, column) => {
    const cell = unescapeFormula((row.cells[column] ?? '').trim())
    if (target === 'ignore' || cell === '') return
    const channelKind = channelTargets[target]
    if (channelKind) {
      for (const part of cell.split(channelSeparator).filter(Boolean)) channels.push({ kind: channelKind, ...labelled(part) })
    } else if (listTargets.has(target)) {
      // Google marks its own groups with "*" ("* myContacts"); they are not the teacher's tags.
      lists[target] = [...(lists[target] ?? []), ...cell.split(listSeparator).filter((item) => item && !item.startsWith('* '))]
    } else {
      single[target] = single[target] ? `${single[target]}\n${cell}` : cell
    }
  })
  const name = single.name || [single.givenName, single.familyName].filter(Boolean).join(' ')
  return {
    name,
    pronouns: single.pronouns,
    role: single.role,
    organisation: single.organisation,
    location: single.location,
    notes: single.notes,
    metHow: single.metHow,
    metWhere: single.metWhere,
    subjects: lists.subjects,
    gradeLevels: lists.gradeLevels,
    interests: lists.interests,
    tags: lists.tags,
    channels,
  }
}

/** "work: jane@example.org" → label "work"; a URL's "https://" is not a label (no space after the colon). */
export function labelled(part: string): { label: string; value: string } {
  const match = /^([^:;/]{1,40}): (\S.*)$/.exec(part)
  return match ? { label: match[1]!.trim(), value: match[2]!.trim() } : { label: '', value: part }
}
