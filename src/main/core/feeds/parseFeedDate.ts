const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 }
/** RFC 822 zone names, in minutes east of UTC; military single letters are read as UTC as RFC 1123 advises. */
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 }

const RFC822 = /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,4})?$/i
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Reads the two date shapes feeds use: RFC 822 (RSS 2.0 pubDate, as sloppily as real feeds
 * write it: two-digit years, full month names, zone names) and RFC 3339 / W3CDTF (Atom,
 * dc:date, which may be a bare date). Anything else is null rather than a guess.
 */
export function parseFeedDate(text: string | null | undefined): number | null {
  const value = (text ?? '').trim()
  if (!value) return null
  const iso = RFC3339.exec(value)
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = iso
    const ms = Number(fraction.slice(0, 3).padEnd(3, '0'))
    return utc(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms, zoneMinutes(zone))
  }
  const rfc = RFC822.exec(value)
  if (rfc) {
    const [, d, monthName, y, h, mi, s = '0', zone = 'GMT'] = rfc
    const month = MONTHS[monthName!.toLowerCase()]
    if (month === undefined) return null
    let year = Number(y)
    if (y!.length === 2) year += year < 50 ? 2000 : 1900
    return utc(year, month, Number(d), Number(h), Number(mi), Number(s), 0, zoneMinutes(zone))
  }
  return null
}

function zoneMinutes(zone: string): number {
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
  return ZONES[zone.toLowerCase()] ?? 0
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null
  const time = Date.UTC(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000
  return Number.isFinite(time) ? time : null
}
