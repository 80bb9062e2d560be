import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ContactFields } from '@shared/network/records'
import { decodeBytes } from '../decodeInput'
import type { ImportPlan } from '../ImportPlan'
import { importVCards } from './importVCards'

const fixture = (name: string) => decodeBytes(readFileSync(join(__dirname, '..', 'fixtures', name))).text
const contacts = (plan: ImportPlan): ContactFields[] => plan.records.map((r) => r.fields as ContactFields)

describe('importVCards', () => {
  it('reads Google Contacts 3.0 cards (CRLF, folded note, escaped URL, myContacts group left out)', () => {
    const plan = importVCards(fixture('google-contacts.vcf'))
    expect(plan.errors).toEqual([])
    const [amira, tom] = contacts(plan)
    expect(amira).toMatchObject({
      name: 'Amira Haddad',
      organisation: 'Hillside Academy',
      role: 'Head of Science',
      location: 'Leeds, West Yorkshire, United Kingdom',
      notes: 'Met at ResearchED Leeds 2025.\nShares great retrieval-practice resources, slides and quizzes.',
      tags: ['science'],
    })
    expect(amira!.channels).toEqual([
      { kind: 'email', label: 'work', value: 'amira.haddad@hillside.sch.example' },
      { kind: 'email', label: 'home', value: 'amira@example.org' },
      { kind: 'phone', label: 'cell', value: '+44 7700 900123' },
      { kind: 'website', label: '', value: 'https://amira.example.org' },
    ])
    expect(tom).toMatchObject({ name: 'Tom Becker', tags: [] })
    expect(plan.records.map((r) => r.line)).toEqual([1, 16])
  })

  it('reads Apple Contacts cards: item labels, folded UTF-8 note, inline photo, social profiles, a company card', () => {
    const plan = importVCards(fixture('apple-contacts.vcf'))
    expect(plan.errors).toEqual([])
    const [chidi, ase] = contacts(plan)
    expect(chidi!.name).toBe('Chidi Okafor')
    expect(chidi!.organisation).toBe('Riverside Primary')
    expect(chidi!.notes).toBe('Runs #mathschat on Thursdays, very generous with his time. Café chats about fractions and résumés of research — this line is long so Apple folds it.')
    expect(chidi!.channels).toEqual([
      { kind: 'email', label: 'Other', value: 'chidi@riverside.example' },
      { kind: 'phone', label: 'cell', value: '+44 20 7946 0000' },
      { kind: 'website', label: 'HomePage', value: 'https://chidi.example' },
      { kind: 'social', label: 'mastodon', value: 'https://mastodon.social/@chidi' },
      { kind: 'social', label: 'Skype', value: 'skype:chidi.okafor' },
    ])
    expect(chidi!.photo).toMatch(/^data:image\/png;base64,iVBOR/)
    expect(chidi!.location).toBe('London, United Kingdom')
    expect(chidi!.tags).toEqual(['maths', 'primary'])
    expect(ase!.name).toBe('Association for Science Education')
    expect(plan.warnings).toEqual([])
  })

  it('reads Outlook 2.1 cards: bare parameters, quoted-printable with soft line breaks, Windows-1252', () => {
    const plan = importVCards(fixture('outlook.vcf'))
    expect(plan.errors).toEqual([])
    const [juergen, francois] = contacts(plan)
    expect(juergen!.name).toBe('Jürgen Müller')
    expect(juergen!.notes).toBe('Sehr hilfsbereit – teilt Materialien für Physik.\r\nZweite Zeile.')
    expect(juergen!.channels.map((c) => [c.label, c.value])).toEqual([
      ['work', '+49 30 1234567'],
      ['cell', '+49 170 1234567'],
      ['', 'j.mueller@gesamtschule.example'],
    ])
    expect(francois!.name).toBe('François Dupré')
  })

  it('reads vCard 4.0: pronouns, tel: URIs, IMPP, data: URL photo; script tags stay inert text', () => {
    const plan = importVCards(fixture('vcard4.vcf'))
    expect(plan.errors).toEqual([])
    const [sam] = contacts(plan)
    expect(sam).toMatchObject({ name: 'Sam Rivera', pronouns: 'they/them', organisation: 'District Nine Schools, Curriculum', notes: 'Laughs at <script>alert(1)</script> jokes' })
    expect(sam!.channels).toContainEqual({ kind: 'phone', label: 'cell', value: '+1-555-555-0100' })
    expect(sam!.channels).toContainEqual({ kind: 'social', label: 'xmpp', value: 'xmpp:sam@jabber.example' })
    expect(sam!.photo).toMatch(/^data:image\/png;base64,/)
    expect(plan.warnings.map((w) => w.message)).toEqual(['Staffroom has no place for these card fields, which were not imported: BDAY (1).'])
  })

  it('gives the same contacts from LF, CRLF, CR and a byte order mark', () => {
    const crlf = fixture('google-contacts.vcf')
    const expected = contacts(importVCards(crlf))
    for (const text of [crlf.replace(/\r\n/g, '\n'), crlf.replace(/\r\n/g, '\r'), decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])).text]) {
      expect(contacts(importVCards(text))).toEqual(expected)
    }
  })

  it('names the line of a card without a name, an unterminated card and stray text', () => {
    const noName = 'BEGIN:VCARD\nVERSION:3.0\nFN:Ok\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:x@example.org\nEND:VCARD\n'
    expect(importVCards(noName).errors).toEqual([{ line: 6, message: 'Line 6: the card has no name (FN or N).' }])
    expect(importVCards('BEGIN:VCARD\nVERSION:3.0\nFN:A\n').errors[0]!.message).toBe('Line 1: the card that starts here has no END:VCARD.')
    expect(importVCards('hello\nBEGIN:VCARD\nFN:A\nEND:VCARD').errors[0]!.message).toMatch(/^Line 1: this text is outside a card/)
    expect(importVCards('').errors[0]!.message).toMatch(/no cards/)
  })

  it('names the line the parser could not read', () => {
    const plan = importVCards('BEGIN:VCARD\nVERSION:3.0\nFN:A\nthis line has no colon\nEND:VCARD\n')
    expect(plan.errors[0]!.message).toMatch(/^Line 4: this card could not be read/)
    expect(plan.records).toEqual([])
  })

  it('drops a photo that is too large, a link or another format, with a warning naming the line', () => {
    const big = 'A'.repeat(300_000)
    const text = [
      `BEGIN:VCARD\nVERSION:3.0\nFN:Big\nPHOTO;ENCODING=b;TYPE=JPEG:${big}\nEND:VCARD`,
      'BEGIN:VCARD\nVERSION:4.0\nFN:Linked\nPHOTO:https://example.org/me.jpg\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Gif\nPHOTO;ENCODING=b;TYPE=GIF:R0lGODlh\nEND:VCARD',
    ].join('\n')
    const plan = importVCards(text)
    expect(plan.errors).toEqual([])
    expect(contacts(plan).map((c) => c.photo)).toEqual([null, null, null])
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'Line 4: the photo of "Big" was not imported (it is larger than 146 KB).',
      'Line 9: the photo of "Linked" was not imported (it is a link to a picture on the internet, which Staffroom does not fetch).',
      'Line 14: the photo of "Gif" was not imported (Staffroom keeps PNG, JPEG or WebP photos, this one is GIF).',
    ])
  })

  it('cuts a 10 MB note to the limit with a warning instead of failing the file', () => {
    const plan = importVCards(`BEGIN:VCARD\nVERSION:3.0\nFN:Long\nNOTE:${'x'.repeat(10 * 1024 * 1024)}\nEND:VCARD\n`)
    expect(plan.errors).toEqual([])
    expect(contacts(plan)[0]!.notes).toHaveLength(20_000)
    expect(plan.warnings[0]!.message).toBe('Line 1: the notes was longer than 20,000 characters and was cut.')
  })

  it('replaces invalid UTF-8 and says so, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('BEGIN:VCARD\nVERSION:3.0\nFN:Jos'), Buffer.from([0xe9]), Buffer.from('\nEND:VCARD\n')])
    const decoded = decodeBytes(bytes)
    expect(decoded.warnings[0]).toMatchObject({ line: 3 })
    expect(contacts(importVCards(decoded.text))[0]!.name).toBe('Jos\uFFFD')
  })
})
