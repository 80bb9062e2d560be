import * as A from '@automerge/automerge'
import type { ExportFile, ExportFormat } from '@shared/api/io'
import { recordKinds } from '@shared/network/records'
import packageJson from '../../../../package.json'
import type { CoreContext } from '../api/CoreContext'
import type { BackupRecords } from './backup/backupFormat'
import { createBackup } from './backup/createBackup'
import { contactsToCsv, interactionsToCsv } from './csv/exportCsv'
import { writeCalendar } from './ics/writeCalendar'
import { journalToMarkdown, notesToMarkdown } from './markdown/exportMarkdown'
import { allNotes, allRecords, liveRecords, namesOf, noteTitle } from './profileData'
import { writeVCards } from './vcard/writeVCards'

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)

/** One export as a file: its text, a dated file name and its MIME type. `ids` narrows contacts and interactions. */
export async function buildExport(ctx: CoreContext, format: ExportFormat, ids: readonly string[] | undefined, now = Date.now()): Promise<ExportFile> {
  const day = new Date(now).toISOString().slice(0, 10)
  const file = (name: string, extension: string, mimeType: string, text: string): ExportFile => ({ fileName: `staffroom-${name}-${day}.${extension}`, mimeType, text })
  switch (format) {
    case 'contacts.vcard4':
    case 'contacts.vcard3': {
      const contacts = (await liveRecords(ctx, 'contact', ids)).sort(byName)
      return file('contacts', 'vcf', 'text/vcard;charset=utf-8', writeVCards(contacts, format === 'contacts.vcard4' ? '4.0' : '3.0'))
    }
    case 'contacts.csv':
      return file('contacts', 'csv', 'text/csv;charset=utf-8', contactsToCsv((await liveRecords(ctx, 'contact', ids)).sort(byName)))
    case 'interactions.csv': {
      const interactions = (await liveRecords(ctx, 'interaction', ids)).sort((a, b) => a.date.localeCompare(b.date))
      const names = { contact: await namesOf(ctx, 'contact'), community: await namesOf(ctx, 'community'), event: await namesOf(ctx, 'event') }
      return file('interactions', 'csv', 'text/csv;charset=utf-8', interactionsToCsv(interactions, names))
    }
    case 'calendar.ics': {
      const events = (await liveRecords(ctx, 'event')).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      const followUps = (await liveRecords(ctx, 'interaction')).filter((i) => i.followUpOn !== null && !i.followUpDone).sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''))
      return file('calendar', 'ics', 'text/calendar;charset=utf-8', writeCalendar({ events, followUps, contactName: await namesOf(ctx, 'contact'), now }))
    }
    case 'journal.md': {
      const names = { contact: await namesOf(ctx, 'contact'), goal: await namesOf(ctx, 'goal'), event: await namesOf(ctx, 'event') }
      return file('journal', 'md', 'text/markdown;charset=utf-8', journalToMarkdown(await liveRecords(ctx, 'journal'), names))
    }
    case 'notes.md': {
      const notes = (await allNotes(ctx)).filter(({ doc }) => doc.trashedAt === null || doc.trashedAt === undefined)
      const forMarkdown = notes
        .map(({ doc }) => ({
          title: noteTitle(doc),
          tags: Array.isArray(doc.tags) ? doc.tags.map(String) : [],
          createdAt: typeof doc.createdAt === 'number' ? doc.createdAt : 0,
          spans: typeof doc.body === 'string' ? A.spans(doc, ['body']) : [],
        }))
        .sort((a, b) => a.createdAt - b.createdAt)
      return file('notes', 'md', 'text/markdown;charset=utf-8', notesToMarkdown(forMarkdown))
    }
    case 'backup.json': {
      const records = Object.fromEntries(await Promise.all(recordKinds.map(async (kind) => [kind, await allRecords(ctx, kind)] as const))) as unknown as BackupRecords
      const notes = (await allNotes(ctx)).map(({ id, doc }) => ({ id, title: noteTitle(doc), binary: A.save(doc) }))
      return file('backup', 'json', 'application/json', createBackup(records, notes, now, packageJson.version))
    }
  }
}
