import { describe, expect, it } from 'vitest'
import { interactionFields, type ContactFields, type Interaction } from '@shared/network/records'
import { decodeBytes } from '../decodeInput'
import { portableFields, sampleContact } from '../testRecords'
import { contactsToCsv, interactionsToCsv } from './exportCsv'
import { guessMapping } from './guessMapping'
import { readCsv } from './readCsv'
import { rowsToContacts } from './rowsToContacts'
import { writeCsv } from './writeCsv'

const importCsv = (text: string) => {
  const table = readCsv(text)
  const mapping = guessMapping(table.headers)
  return { table, mapping, plan: rowsToContacts(table.rows, mapping) }
}
const byKind = (fields: Partial<ContactFields>) => ({ ...fields, channels: [...(fields.channels ?? [])].sort((a, b) => a.kind.localeCompare(b.kind)) })

describe('CSV import and export', () => {
  it('round-trips contacts through our own export (BOM, CRLF, quotes, newlines, formula guard)', () => {
    const contacts = [
      sampleContact({ photo: null, cadenceDays: null, thoughtLeader: false, feedUrl: null }),
      sampleContact({ name: '=HYPERLINK("http://evil.example","click")', notes: '+1 and -1 and @home', channels: [], photo: null, cadenceDays: null, thoughtLeader: false, feedUrl: null }, 'c2'),
    ]
    const text = contactsToCsv(contacts)
    expect(text.startsWith('\uFEFF')).toBe(true)
    const { plan, mapping } = importCsv(decodeBytes(Buffer.from(text)).text)
    expect(mapping).not.toContain('ignore')
    expect(plan.errors).toEqual([])
    expect(plan.records.map((r) => byKind(portableFields(r.fields as ContactFields)))).toEqual(
      contacts.map((c) => byKind({ ...portableFields(c), photo: null, cadenceDays: null, thoughtLeader: false, feedUrl: null })),
    )
  })

  it('escapes every cell that a spreadsheet would run as a formula', () => {
    const text = contactsToCsv([sampleContact({ name: '=1+1', role: '+cmd', organisation: '-2', location: '@SUM(A1)', channels: [], photo: null })])
    const [, row] = text.slice(1).split('\r\n')
    expect(row).toMatch(/^"'=1\+1",she\/her,"'\+cmd","'-2","'@SUM\(A1\)",/)
    expect(writeCsv(['a', 'b', 'c'], [['\tx', '\rx', 'safe = fine']])).toBe('\uFEFFa,b,c\r\n"\'\tx","\'\rx",safe = fine\r\n')
  })

  it('guesses the columns of Google and Outlook exports', () => {
    expect(guessMapping(['Name', 'Given Name', 'Family Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title', 'Group Membership', 'Notes'])).toEqual([
      'name', 'givenName', 'familyName', 'ignore', 'email', 'phone', 'organisation', 'role', 'tags', 'notes',
    ])
    expect(guessMapping(['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Company', 'Job Title', 'Categories', 'Business City', 'Web Page'])).toEqual([
      'givenName', 'familyName', 'email', 'phone', 'organisation', 'role', 'tags', 'location', 'website',
    ])
  })

  it('reads a Google export: first and last name, groups without Google\'s own, ":::" lists', () => {
    const text = 'Name,Given Name,Family Name,E-mail 1 - Value,Group Membership\n,Amira,Haddad,a@example.org ::: b@example.org,* myContacts ::: Science\n'
    const { plan } = importCsv(text)
    expect(plan.records[0]!.fields).toMatchObject({ name: 'Amira Haddad', tags: ['science'], channels: [{ kind: 'email', value: 'a@example.org' }, { kind: 'email', value: 'b@example.org' }] })
  })

  it('reads ";"-separated files and names the line of a row without a name (quoted newlines counted)', () => {
    const text = 'Name;Email\r\n"Ann\r\nLee";ann@example.org\r\n\r\n;nobody@example.org\r\n'
    const { plan } = importCsv(text)
    expect(plan.records[0]!.fields).toMatchObject({ name: 'Ann\r\nLee' })
    expect(plan.errors).toEqual([{ line: 5, message: 'Line 5: the row has no name.' }])
  })

  it('reports an unclosed quote and an empty file', () => {
    expect(readCsv('Name\n"Ann\n').errors[0]!.message).toMatch(/^Line 2: a quoted cell is not closed/)
    expect(readCsv('').errors[0]!.message).toMatch(/empty/)
    expect(readCsv('Name,Email\n').errors[0]!.message).toMatch(/no rows of data/)
    expect(rowsToContacts(readCsv('A,B\n1,2\n').rows, ['ignore', 'email']).errors[0]!.message).toMatch(/column that holds the name/)
  })

  it('keeps a 10 MB cell as inert text cut to the field limit, with a warning', () => {
    const { plan } = importCsv(`Name,Notes\n<script>alert(1)</script>,"${'y'.repeat(10 * 1024 * 1024)}"\n`)
    expect(plan.records[0]!.fields).toMatchObject({ name: '<script>alert(1)</script>' })
    expect((plan.records[0]!.fields as ContactFields).notes).toHaveLength(20_000)
    expect(plan.warnings).toHaveLength(1)
  })

  it('imports 100,000 rows', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Person ${i},person${i}@example.org,"Maths; Year ${i % 13}",Hillside ${i % 50}`)
    const text = 'Name,Email,Tags,Organisation\r\n' + rows.join('\r\n')
    const started = performance.now()
    const { plan } = importCsv(text)
    const ms = performance.now() - started
    expect(plan.errors).toEqual([])
    expect(plan.records).toHaveLength(100_000)
    expect(plan.records[99_999]!.line).toBe(100_001)
    console.info(`CSV import of 100,000 rows (read, map, validate): ${Math.round(ms)} ms`)
  }, 120_000)

  it('exports interactions with contact names, formula-guarded summaries', () => {
    const interaction: Interaction = {
      id: 'i1', createdAt: 0, updatedAt: 0, deletedAt: null,
      ...interactionFields.parse({ date: '2026-03-01', contactIds: ['c1', 'gone'], mode: 'in-person', summary: '=cmd|/c calc', followUpOn: '2026-03-08' }),
    }
    const text = interactionsToCsv([interaction], { contact: (id) => (id === 'c1' ? 'Ann Lee' : undefined), community: () => undefined, event: () => undefined })
    expect(text.split('\r\n')[1]).toBe(`2026-03-01,Ann Lee; gone,in-person,conversation,conversation,"'=cmd|/c calc",0,2026-03-08,no,,`)
  })
})
