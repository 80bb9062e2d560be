import type { HandlersFor } from '@shared/api'
import type { CheckInRow, reflectionArgs } from '@shared/api/reflection'
import { ApiError } from '@shared/errors'
import type { CheckIn, CheckInFields } from '@shared/network/records'
import { restoreRecord, softDelete } from '../network/recordOps'
import { checkInDue } from '../reflection/checkInSchedule'
import { prefillFigures } from '../reflection/prefillFigures'
import { ReflectionSettingsStore } from '../reflection/ReflectionSettingsStore'
import { listSuggestions } from '../reflection/suggestions/listSuggestions'
import { SqlRunner } from '../storage/sql'
import type { CoreContext } from './CoreContext'

type ReflectionMethod = keyof typeof reflectionArgs

/** Refuses a check-in that covers no time or says nothing: it would only clutter the history. */
function assertMeaningful(fields: CheckInFields): void {
  if (fields.periodStart > fields.periodEnd) throw new ApiError('bad-request', 'The period starts after it ends.')
  const rated = [fields.goalsRating, fields.conversationsRating, fields.learningRating, fields.adjustRating].some((r) => r !== null)
  const written = [fields.goalsText, fields.conversationsText, fields.learningText, fields.adjustText].some((t) => t.trim() !== '')
  if (!rated && !written) throw new ApiError('bad-request', 'Answer at least one question (a rating or a few words) before saving the check-in.')
}

export function reflectionHandlers(ctx: CoreContext) {
  const { network } = ctx
  const settings = new ReflectionSettingsStore(ctx.workspace)
  const index = new SqlRunner(network.checkIns.db)

  async function withRow(id: string): Promise<{ checkIn: CheckIn; row: CheckInRow }> {
    network.indexer.flushPending()
    const checkIn = await network.store.get('checkin', id)
    const row = network.checkIns.row(id)
    if (!row) throw new ApiError('not-found', 'This check-in is not indexed yet; try again in a moment.')
    return { checkIn, row }
  }

  return {
    'reflection.settings': () => settings.read(),
    'reflection.setSchedule': (schedule) => settings.setSchedule(schedule),
    'reflection.due': ({ today }) => {
      network.indexer.flushPending()
      return checkInDue(settings.read().schedule, network.checkIns.last() ?? null, today)
    },
    'reflection.prefill': (args) => {
      network.indexer.flushPending()
      return { figures: prefillFigures(network.checkIns.db, args) }
    },

    'checkIns.create': async ({ fields }) => {
      assertMeaningful(fields)
      return withRow((await network.store.create('checkin', fields)).id)
    },
    'checkIns.update': async ({ id, patch }) => {
      const current = await network.store.get('checkin', id)
      assertMeaningful({ ...current, ...(patch as Partial<CheckInFields>) })
      await network.store.update('checkin', id, patch as Partial<CheckInFields>)
      return withRow(id)
    },
    'checkIns.get': ({ id }) => withRow(id),
    'checkIns.list': (query) => {
      network.indexer.flushPending()
      return { ...network.checkIns.list(query), ratings: network.checkIns.ratings() }
    },
    'checkIns.delete': ({ id }) => softDelete(network, 'checkin', [id]),
    'checkIns.restore': async ({ id }) => {
      await restoreRecord(network, 'checkin', id)
      return withRow(id)
    },

    'suggestions.list': (args) => {
      network.indexer.flushPending()
      const dismissed = settings.dismissedKeys()
      return { suggestions: listSuggestions(index, { ...args, dismissed }), dismissedCount: dismissed.length }
    },
    'suggestions.dismiss': ({ key }) => {
      const dismissedAt = Date.now()
      settings.dismiss(key, dismissedAt)
      return { key, dismissedAt }
    },
    'suggestions.undismiss': ({ key }) => {
      settings.undismiss(key)
      return { key }
    },
  } satisfies HandlersFor<ReflectionMethod>
}
