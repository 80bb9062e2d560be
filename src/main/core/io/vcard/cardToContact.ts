import type { ImportMessage } from '@shared/api/io'
import type { ContactChannel } from '@shared/network/records'
import type { ContactDraft } from '../finishContact'
import { paramText, type CardProperty, type ReadCard } from './readVCards'
import { staffroomProperties as x } from './vcardDesign'

/** The largest photo kept, as a data: URL (the schema's limit); larger ones are dropped with a warning. */
export const maxPhotoChars = 200_000

/** Groups Google Contacts puts on every card; they are not the teacher's tags. */
const googleSystemGroups = new Set(['myContacts', 'starred'])

/** TYPE values that say nothing a teacher would want as a label. */
const genericTypes = new Set(['internet', 'pref', 'voice', 'x400', 'text', 'uri', 'msg'])

/** Properties read into the contact, or consciously ignored (structure, vendor bookkeeping). */
const handled = new Set([
  'version', 'fn', 'n', 'email', 'tel', 'org', 'title', 'role', 'adr', 'url', 'note', 'categories', 'photo', 'impp', 'x-socialprofile',
  'x-ablabel', 'x-abadr', 'prodid', 'rev', 'uid', 'kind', 'label', 'sort-string', 'x-abuid', 'x-abshowas', 'x-ms-ol-design', 'x-ms-ol-default-postal-address',
  ...Object.values(x),
])

export interface CardConversion {
  draft?: ContactDraft
  warnings: ImportMessage[]
  error?: ImportMessage
  /** Names of properties in the card that Staffroom has no field for. */
  ignored: string[]
}

/** Maps one parsed card (Google, Apple, Outlook or our own export) onto a contact draft. */
export function cardToContact(card: ReadCard): CardConversion {
  const warnings: ImportMessage[] = []
  const props = (name: string) => card.properties.filter((p) => p.name === name)
  const first = (name: string) => textOf(props(name)[0])
  const labels = abLabels(card.properties)

  const org = components(props('org')[0])
  const name = first('fn') || nameFromN(props('n')[0]) || org.join(', ')
  if (!name) return { warnings, ignored: [], error: { line: card.line, message: `Line ${card.line}: the card has no name (FN or N).` } }

  // In the card's order, so a round trip keeps the order the teacher gave them.
  const channels: ContactChannel[] = []
  for (const p of card.properties) {
    const value = textOf(p)
    const label = labelOf(p, labels)
    if (p.name === 'email') channels.push({ kind: 'email', label, value: value.replace(/^mailto:/i, '') })
    else if (p.name === 'tel') channels.push({ kind: 'phone', label, value: value.replace(/^tel:/i, '') })
    // Google escapes the colon of a URL ("https\://"), which is not an escape in a URI value.
    else if (p.name === 'url') channels.push({ kind: 'website', label, value: value.replace(/\\:/g, ':') })
    else if (p.name === 'x-socialprofile') channels.push({ kind: 'social', label, value: value || paramText(p.params['x-user']) })
    else if (p.name === 'impp') {
      const service = paramText(p.params['x-service-type']) || (/^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1] ?? '')
      channels.push({ kind: 'social', label: service, value })
    }
  }

  const addresses = props('adr')
  if (addresses.length > 1) warnings.push({ line: addresses[1]!.line, message: `Line ${addresses[1]!.line}: only the first address of "${name}" was kept.` })
  const thoughtLeader = first(x.thoughtLeader).toLowerCase()
  const cadence = Number.parseInt(first(x.cadenceDays), 10)

  const draft: ContactDraft = {
    name,
    pronouns: first(x.pronouns) || first(x.legacyPronouns),
    role: first('title') || first('role'),
    organisation: org.join(', '),
    location: locationOf(addresses[0]),
    channels,
    tags: props('categories').flatMap(listOf).filter((tag) => !googleSystemGroups.has(tag)),
    notes: props('note').map(textOf).filter(Boolean).join('\n\n'),
    subjects: props(x.subjects).flatMap(listOf),
    gradeLevels: props(x.gradeLevels).flatMap(listOf),
    interests: props(x.interests).flatMap(listOf),
    metHow: first(x.metHow),
    metWhere: first(x.metWhere),
    thoughtLeader: thoughtLeader === 'yes' || thoughtLeader === 'true',
    feedUrl: first(x.feedUrl) || null,
    cadenceDays: Number.isInteger(cadence) && cadence > 0 ? cadence : null,
    photo: photoOf(props('photo')[0], name, warnings),
  }
  const ignored = [...new Set(card.properties.map((p) => p.name).filter((n) => !handled.has(n)))]
  return { draft, warnings, ignored }
}

function textOf(property: CardProperty | undefined): string {
  const value = property?.values[0]
  if (value === undefined) return ''
  return (Array.isArray(value) ? value.join(' ') : String(value)).trim()
}

/** Every value of a multi-valued text property (CATEGORIES:a,b and repeated properties alike). */
function listOf(property: CardProperty): string[] {
  return property.values.flatMap((value) => (Array.isArray(value) ? value : [String(value)])).map((v) => v.trim()).filter(Boolean)
}

function components(property: CardProperty | undefined): string[] {
  const value = property?.values[0]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [String(value)]).map((part) => part.trim()).filter(Boolean)
}

/** N is family;given;additional;prefix;suffix; shown as "prefix given additional family suffix". */
function nameFromN(property: CardProperty | undefined): string {
  const value = property?.values[0]
  if (!Array.isArray(value)) return typeof value === 'string' ? value.trim() : ''
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = value
  return [prefix, given, additional, family, suffix].map((part) => part.trim()).filter(Boolean).join(' ')
}

/** ADR is box;extended;street;locality;region;code;country: the town, region and country say where someone is. */
function locationOf(property: CardProperty | undefined): string {
  const value = property?.values[0]
  if (!Array.isArray(value)) return typeof value === 'string' ? value.trim() : ''
  const [, , street = '', locality = '', region = '', code = '', country = ''] = value
  const place = [locality, region, country].map((part) => part.trim()).filter(Boolean)
  return (place.length > 0 ? place : [street, code].map((part) => part.trim()).filter(Boolean)).join(', ')
}

/** Apple writes custom labels as "itemN.X-ABLabel:_$!<Other>!$_" next to "itemN.EMAIL". */
function abLabels(properties: CardProperty[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const p of properties) {
    if (p.name === 'x-ablabel' && p.group) labels.set(p.group, textOf(p).replace(/^_\$!<(.*)>!\$_$/, '$1'))
  }
  return labels
}

function labelOf(property: CardProperty, labels: Map<string, string>): string {
  const grouped = property.group ? labels.get(property.group) : undefined
  if (grouped) return quieter(grouped)
  const types = paramText(property.params.type).split(',').map((t) => t.trim())
  return quieter(types.find((t) => t && !genericTypes.has(t.toLowerCase()) && !/^x-/i.test(t)) ?? '')
}

/** "WORK" reads better as "work"; a label someone typed in mixed case ("Mastodon") is kept. */
function quieter(label: string): string {
  return label === label.toUpperCase() ? label.toLowerCase() : label
}

const imageTypes: Record<string, string> = { jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** vCard 4 data: URLs and vCard 2.1/3.0 inline base64 become a data: URL; links are never fetched. */
function photoOf(property: CardProperty | undefined, name: string, warnings: ImportMessage[]): string | null {
  if (!property) return null
  const drop = (why: string) => {
    warnings.push({ line: property.line, message: `Line ${property.line}: the photo of "${name}" was not imported (${why}).` })
    return null
  }
  const value = String(property.values[0] ?? '').replace(/\s+/g, '')
  let dataUrl: string
  if (/^data:/i.test(value)) {
    dataUrl = value.replace(/^data:image\/jpg;/i, 'data:image/jpeg;')
  } else if (/^(b|base64)$/i.test(paramText(property.params.encoding)) || /^[A-Za-z0-9+/]+=*$/.test(value)) {
    const type = paramText(property.params.type).toLowerCase().replace(/^image\//, '').split(',')[0] ?? ''
    const mime = imageTypes[type] ?? (value.startsWith('/9j/') ? 'image/jpeg' : value.startsWith('iVBOR') ? 'image/png' : undefined)
    if (!mime) return drop(`Staffroom keeps PNG, JPEG or WebP photos, this one is ${type ? type.toUpperCase() : 'of an unknown type'}`)
    dataUrl = `data:${mime};base64,${value}`
  } else {
    return drop('it is a link to a picture on the internet, which Staffroom does not fetch')
  }
  if (!/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/.test(dataUrl)) return drop('Staffroom keeps PNG, JPEG or WebP photos')
  if (dataUrl.length > maxPhotoChars) return drop(`it is larger than ${Math.floor((maxPhotoChars * 3) / 4 / 1024)} KB`)
  return dataUrl
}
