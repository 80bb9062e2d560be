import { z } from 'zod'
import { limits } from '../limits'
import type { ContactRow } from './contacts'
import type { InteractionRow } from './interactions'
import { dateArg, recordId } from './networkCommon'

export interface LosingTouchRow {
  contact: ContactRow
  /** Days past the due day on `today` (0 = due today). */
  daysOverdue: number
}

export interface FollowUpRow {
  interaction: InteractionRow
  daysOverdue: number
}

export interface TagCadence {
  tag: string
  days: number
}

export interface KeepingInTouchSettings {
  /** Cadence for contacts with neither their own nor a tag cadence; null = none. */
  defaultCadenceDays: number | null
  tagCadences: TagCadence[]
}

const days = z.number().int().min(1).max(3650)

export const keepingInTouchArgs = {
  /** Who is losing touch and which follow-ups are due on `today` (the UI's local day). */
  'keepingInTouch.overview': z.object({ today: dateArg, limit: z.number().int().min(1).max(1000).default(50) }),
  /** Quiets a contact's losing-touch reminder or an interaction's follow-up until a day; null wakes it. */
  'keepingInTouch.snooze': z.union([
    z.object({ contactId: recordId, until: dateArg.nullable() }),
    z.object({ interactionId: recordId, until: dateArg.nullable() }),
  ]),
  'keepingInTouch.settings': z.object({}),
  'keepingInTouch.setDefaultCadence': z.object({ days: days.nullable() }),
  /** A cadence for every contact with this tag (their own cadence wins); null removes it. */
  'keepingInTouch.setTagCadence': z.object({ tag: z.string().trim().min(1).max(limits.tagChars), days: days.nullable() }),
}

export interface KeepingInTouchResults {
  'keepingInTouch.overview': { losingTouch: LosingTouchRow[]; losingTouchTotal: number; followUpsDue: FollowUpRow[]; followUpsDueTotal: number }
  'keepingInTouch.snooze': { snoozedUntil: string | null }
  'keepingInTouch.settings': KeepingInTouchSettings
  'keepingInTouch.setDefaultCadence': KeepingInTouchSettings
  'keepingInTouch.setTagCadence': KeepingInTouchSettings
}
