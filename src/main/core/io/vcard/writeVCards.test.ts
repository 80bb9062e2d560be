import { describe, expect, it } from 'vitest'
import type { ContactFields } from '@shared/network/records'
import { portableFields, sampleContact } from '../testRecords'
import { importVCards } from './importVCards'
import { writeVCards } from './writeVCards'

describe('writeVCards', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`round-trips every portable field through vCard ${version}`, () => {
      const contacts = [sampleContact(), sampleContact({ name: 'Bo', channels: [], tags: [], photo: null, notes: '', cadenceDays: null, thoughtLeader: false, feedUrl: null }, 'c2')]
      const plan = importVCards(writeVCards(contacts, version))
      expect(plan.errors).toEqual([])
      expect(plan.warnings).toEqual([])
      expect(plan.records.map((r) => portableFields(r.fields as ContactFields))).toEqual(contacts.map(portableFields))
    })

    it(`writes RFC lines for ${version}: CRLF, at most 75 octets, continuation lines start with a space`, () => {
      const text = writeVCards([sampleContact({ notes: 'é'.repeat(500) + '🎉'.repeat(100) })], version)
      expect(text.endsWith('END:VCARD\r\n')).toBe(true)
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      const lines = text.split('\r\n').slice(0, -1)
      for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
      expect(lines).toContain(`VERSION:${version}`)
      expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    })
  }

  it('escapes text values and writes the photo the way each version expects', () => {
    const v3 = writeVCards([sampleContact({ notes: 'a,b;c\\d\ne' })], '3.0')
    expect(v3).toContain('NOTE:a\\,b;c\\\\d\\ne')
    expect(v3).toContain('PHOTO;ENCODING=b;TYPE=PNG:iVBOR')
    expect(v3).toContain('X-PRONOUNS:she/her')
    const v4 = writeVCards([sampleContact()], '4.0')
    // ical.js escapes the comma of a vCard 4 URI value as in text; it reads it back unescaped.
    expect(v4).toContain('PHOTO:data:image/png;base64\\,iVBOR')
    expect(v4).toContain('PRONOUNS:she/her')
  })

  it('exports and re-imports 10,000 contacts', () => {
    const contacts = Array.from({ length: 10_000 }, (_, i) => sampleContact({ name: `Person ${i}`, photo: null }, `c${i}`))
    let started = performance.now()
    const text = writeVCards(contacts, '4.0')
    const writeMs = performance.now() - started
    started = performance.now()
    const plan = importVCards(text)
    const readMs = performance.now() - started
    expect(plan.errors).toEqual([])
    expect(plan.records).toHaveLength(10_000)
    console.info(`vCard 4.0, 10,000 contacts (${(text.length / 1e6).toFixed(1)} MB): write ${Math.round(writeMs)} ms, read and validate ${Math.round(readMs)} ms`)
  }, 120_000)
})
