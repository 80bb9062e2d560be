import type { z } from 'zod'
import type { ImportMessage } from '@shared/api/io'
import { contactFields, type ContactFields } from '@shared/network/records'
import { normaliseTags } from '@shared/notes/tags'
import { describeIssues } from '../api/dispatch'

export type ContactDraft = z.input<typeof contactFields>

/** The schema's limits (records.ts), so over-long imported values are cut with a warning instead of failing the whole file. */
const textLimits = { name: 200, pronouns: 40, role: 200, organisation: 200, location: 200, metHow: 500, metWhere: 200, notes: 20_000 } as const
const listLimits = { subjects: 80, gradeLevels: 80, interests: 80 } as const
const maxListItems = 30
const maxChannels = 30
const channelValueChars = 300
const channelLabelChars = 40

export interface FinishedContact {
  fields?: ContactFields
  warnings: ImportMessage[]
  error?: ImportMessage
}

/**
 * Fits an imported contact into the schema: trims and cuts text to its limit, caps lists, and
 * normalises tags, each cut reported as a warning on the record's line; then validates with
 * the zod schema, reporting what is still wrong as the record's error.
 */
export function finishContact(draft: ContactDraft, line: number, label = `Line ${line}`): FinishedContact {
  const warnings: ImportMessage[] = []
  const cut = (what: string, detail: string) => warnings.push({ line, message: `${label}: ${what} ${detail}` })
  const fitted: ContactDraft = { ...draft }
  for (const [key, max] of Object.entries(textLimits) as Array<[keyof typeof textLimits, number]>) {
    const value = fitted[key]
    if (typeof value === 'string' && value.trim().length > max) {
      fitted[key] = value.trim().slice(0, max)
      cut(`the ${key}`, `was longer than ${max.toLocaleString('en')} characters and was cut.`)
    }
  }
  for (const [key, max] of Object.entries(listLimits) as Array<[keyof typeof listLimits, number]>) {
    const items = (fitted[key] ?? []).map((item) => item.trim()).filter(Boolean)
    if (items.length > maxListItems) cut(`${key}:`, `only the first ${maxListItems} were kept.`)
    fitted[key] = [...new Set(items.map((item) => item.slice(0, max)))].slice(0, maxListItems)
  }
  fitted.tags = normaliseTags(fitted.tags ?? [])
  const channels = (fitted.channels ?? []).filter((channel) => channel.value.trim() !== '')
  if (channels.length > maxChannels) cut('the contact has', `${channels.length} addresses and numbers; only the first ${maxChannels} were kept.`)
  fitted.channels = channels.slice(0, maxChannels).map((channel) => {
    const value = channel.value.trim()
    if (value.length > channelValueChars) cut(`a ${channel.kind} value`, `was longer than ${channelValueChars} characters and was cut.`)
    return { ...channel, label: (channel.label ?? '').trim().slice(0, channelLabelChars), value: value.slice(0, channelValueChars) }
  })
  const parsed = contactFields.safeParse(fitted)
  if (!parsed.success) return { warnings, error: { line, message: `${label}: ${describeIssues(parsed.error)}` } }
  return { fields: parsed.data, warnings }
}
