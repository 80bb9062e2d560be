import { TextDecoder } from 'node:util'
import { ICAL } from './vcardDesign'
import type { ImportMessage } from '@shared/api/io'
import type { RawCard } from './splitCards'

export type ParamValue = string | string[]

/** A property of a card as jCard gives it, with the file line it came from. */
export interface CardProperty {
  name: string
  group: string | null
  params: Record<string, ParamValue>
  /** One entry per value; a structured value (N, ADR, ORG) is an array of its components. */
  values: Array<string | string[]>
  line: number
}

export interface ReadCard {
  line: number
  version: string
  properties: CardProperty[]
}

/**
 * Parses one framed card with ical.js (vCard 3.0 and 4.0: unfolding, escaping, parameters,
 * structured values) and decodes vCard 2.1 quoted-printable values in their declared charset.
 */
export function readCard(card: RawCard): { card?: ReadCard; error?: ImportMessage } {
  let parsed: unknown
  try {
    parsed = ICAL.parse(['BEGIN:VCARD', ...card.lines, 'END:VCARD', ''].join('\r\n'))
  } catch (error) {
    const line = lineOfParserError(card, error)
    return { error: { line, message: `Line ${line}: this card could not be read (${errorText(error)}).` } }
  }
  const jcard = (Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : (parsed as unknown[])[0]) as [string, unknown[][], unknown[]]
  const propertyLines = card.lineNumbers.filter((_, i) => !/^[ \t]/.test(card.lines[i] ?? ''))
  const properties = jcard[1].map((jprop, index): CardProperty => {
    const [name, rawParams, , ...values] = jprop as [string, Record<string, ParamValue>, string, ...Array<string | string[]>]
    const { group, ...params } = rawParams as Record<string, ParamValue> & { group?: string }
    const property: CardProperty = { name: name.toLowerCase(), group: typeof group === 'string' ? group.toLowerCase() : null, params, values, line: propertyLines[index] ?? card.line }
    return decodeQuotedPrintable(property)
  })
  const version = String(properties.find((p) => p.name === 'version')?.values[0] ?? '')
  return { card: { line: card.line, version, properties } }
}

function decodeQuotedPrintable(property: CardProperty): CardProperty {
  if (!/quoted-printable/i.test(paramText(property.params.encoding))) return property
  const charset = paramText(property.params.charset) || 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset)
  } catch {
    decoder = new TextDecoder('utf-8')
  }
  const decode = (value: string) => decoder.decode(quotedPrintableBytes(value))
  return { ...property, values: property.values.map((value) => (Array.isArray(value) ? value.map(decode) : decode(String(value)))) }
}

/** RFC 2045 quoted-printable: "=XX" is a byte, everything else is itself. */
function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : ''
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      for (const byte of Buffer.from(text[i] ?? '', 'utf-8')) bytes.push(byte)
    }
  }
  return Uint8Array.from(bytes)
}

export function paramText(value: ParamValue | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '')
}

/** ical.js quotes the offending line in its message; find it in the card to name the line. */
function lineOfParserError(card: RawCard, error: unknown): number {
  // The line is the last quoted part of the message ('invalid line (no token ";" or ":") "…"').
  const quoted = [...errorText(error).matchAll(/"([^"]{3,})"/g)].pop()
  const fragment = (quoted?.[1] ?? '').slice(0, 40)
  if (fragment) {
    const index = card.lines.findIndex((line) => line.includes(fragment))
    if (index >= 0) return card.lineNumbers[index] ?? card.line
  }
  return card.line
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200)
}
