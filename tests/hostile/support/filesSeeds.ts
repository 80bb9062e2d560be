import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { asUrl, writeRichBody } from '../../../src/main/core/testing/coreHarness'
import type { FilesCore } from './filesCore'

const srcCore = resolve(__dirname, '../../../src/main/core')

/** The fixture files of a folder under src/main/core, as bytes, with their names. */
export function fixtureSeeds(folder: string, extensions: readonly string[]): Array<{ name: string; bytes: Uint8Array }> {
  const dir = join(srcCore, folder)
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
}

/** Contact CSVs shaped like Google's and Outlook's exports (the columns guessMapping knows). */
export const csvSeeds: Array<{ name: string; bytes: Uint8Array }> = [
  {
    name: 'google.csv',
    bytes: Buffer.from(
      'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title,Group Membership,Notes\n' +
        'Amira Haddad,Amira,Haddad,* Work,a@example.org ::: b@example.org,+44 20 7946 0000,Hillside School,Head of Science,* myContacts ::: Science,"Met at ResearchED, \'""great"" on retrieval"\n' +
        ',Jürgen,Müller,,j.mueller@example.de,,Gesamtschule Nord,Lehrer,Physik,\n',
    ),
  },
  {
    name: 'outlook.csv',
    bytes: Buffer.from(
      'First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title,Categories,Business City,Web Page\r\n' +
        'François,Dupré,francois.dupre@lycee.example,+33 6 12 34 56 78,Lycée Victor Hugo,Professeur,Maths;Mentors,Lyon,https://fdupre.example\r\n' +
        'Priya,Shah,priya@example.org,,Oak Academy,SENCo,,Leeds,\r\n',
    ),
  },
]

/**
 * A profile with one of most things in it (contacts, a deleted one, an interaction, a journal
 * entry, a community, a note with formatting), exported as a backup and as a note bundle: the
 * valid files the backup and bundle trials mutate.
 */
export async function seedFromProfile(files: FilesCore): Promise<{ csv: Uint8Array; backup: Uint8Array; bundle: Uint8Array }> {
  const ann = await files.call<{ contact: { id: string } }>('contacts.create', {
    fields: { name: 'Ann Lee', tags: ['maths'], notes: 'Shares <script>alert(1)</script> resources', channels: [{ kind: 'email', value: 'ann@example.org' }] },
  })
  const bo = await files.call<{ contact: { id: string } }>('contacts.create', { fields: { name: '=Bo "Quoted", Jr', organisation: 'Oak, Academy' } })
  await files.call('contacts.delete', { id: bo.contact.id })
  await files.call('interactions.log', { fields: { date: '2026-03-01', contactIds: [ann.contact.id], mode: 'in-person', summary: 'Fractions', followUpOn: '2026-03-08' } })
  await files.call('journal.create', { fields: { date: '2026-03-02', title: 'Met Ann', contactIds: [ann.contact.id] } })
  await files.call('communities.create', { fields: { name: 'Maths Twitter', type: 'online-forum' } })
  const note = await files.call<{ id: string; url: string }>('notes.create', { title: 'Unit plan' })
  writeRichBody(await files.core.repo.find<NoteDoc>(asUrl(note.url)), 'Aims', 'Fluency with fractions')
  const csv = await files.call<{ text: string }>('io.export', { format: 'contacts.csv' })
  const backup = await files.call<{ text: string }>('io.export', { format: 'backup.json' })
  const bundle = await files.call<{ base64: string }>('bundles.export', { documentId: note.id })
  return { csv: Buffer.from(csv.text, 'utf8'), backup: Buffer.from(backup.text, 'utf8'), bundle: new Uint8Array(Buffer.from(bundle.base64, 'base64')) }
}
