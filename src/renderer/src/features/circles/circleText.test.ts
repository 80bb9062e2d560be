import { describe, expect, it } from 'vitest'
import { fileSizeText, localToIsoWithOffset } from './circleText'

describe('localToIsoWithOffset', () => {
  it('writes a datetime-local value with this device’s offset, naming the same instant', () => {
    for (const local of ['2099-01-15T09:30', '2099-07-15T18:05']) {
      const iso = localToIsoWithOffset(local)!
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
      expect(iso.startsWith(local)).toBe(true)
      const [, y, mo, d, h, mi] = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+)$/.exec(local)!.map(Number)
      expect(Date.parse(iso)).toBe(new Date(y!, mo! - 1, d!, h!, mi!).getTime())
    }
  })

  it('refuses what is not a datetime-local value', () => {
    expect(localToIsoWithOffset('')).toBeNull()
    expect(localToIsoWithOffset('2099-01-15')).toBeNull()
    expect(localToIsoWithOffset('2099-01-15T09:30Z')).toBeNull()
  })
})

describe('fileSizeText', () => {
  it('says bytes, KB or MB', () => {
    expect([fileSizeText(900), fileSizeText(2048), fileSizeText(10 * 1024 * 1024 + 1)]).toEqual(['900 bytes', '2 KB', '10.0 MB'])
  })
})
