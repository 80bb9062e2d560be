import type { HandlersFor, KeepingInTouchSettings } from '@shared/api'
import type { keepingInTouchArgs } from '@shared/api/keepingInTouch'
import { normaliseTag } from '@shared/notes/tags'
import { newWorkspaceSettings } from '@shared/workspace/WorkspaceDoc'
import type { CoreContext } from './CoreContext'

type KeepingInTouchMethod = keyof typeof keepingInTouchArgs

export function keepingInTouchHandlers(ctx: CoreContext) {
  const { network, workspace } = ctx

  function settings(): KeepingInTouchSettings {
    const keepInTouch = workspace.doc().settings?.keepInTouch
    const defaultDays = keepInTouch?.defaultCadenceDays
    return {
      defaultCadenceDays: typeof defaultDays === 'number' ? defaultDays : null,
      tagCadences: Object.entries(keepInTouch?.tagCadences ?? {})
        .filter(([, days]) => typeof days === 'number')
        .map(([tag, days]) => ({ tag, days }))
        .sort((a, b) => a.tag.localeCompare(b.tag)),
    }
  }

  /** Settings live in the workspace document (they sync to the person's devices), projected into the index. */
  function changeSettings(fn: (keepInTouch: ReturnType<typeof newWorkspaceSettings>['keepInTouch']) => void): KeepingInTouchSettings {
    workspace.change((doc) => {
      doc.settings ??= newWorkspaceSettings()
      fn(doc.settings.keepInTouch)
    })
    network.indexer.syncSettings()
    return settings()
  }

  return {
    'keepingInTouch.overview': ({ today, limit }) => {
      network.indexer.flushPending()
      const losingTouch = network.contacts.losingTouch(today, limit)
      const followUps = network.interactions.followUpsDue(today, limit)
      return { losingTouch: losingTouch.rows, losingTouchTotal: losingTouch.total, followUpsDue: followUps.rows, followUpsDueTotal: followUps.total }
    },

    'keepingInTouch.snooze': async (args) => {
      if ('contactId' in args) await network.store.update('contact', args.contactId, { snoozedUntil: args.until })
      else await network.store.update('interaction', args.interactionId, { followUpSnoozedUntil: args.until })
      network.indexer.flushPending()
      return { snoozedUntil: args.until }
    },

    'keepingInTouch.settings': () => settings(),

    'keepingInTouch.setDefaultCadence': ({ days }) =>
      changeSettings((keepInTouch) => {
        if (keepInTouch.defaultCadenceDays !== days) keepInTouch.defaultCadenceDays = days
      }),

    'keepingInTouch.setTagCadence': ({ tag, days }) =>
      changeSettings((keepInTouch) => {
        const key = normaliseTag(tag)
        if (days === null) delete keepInTouch.tagCadences[key]
        else if (keepInTouch.tagCadences[key] !== days) keepInTouch.tagCadences[key] = days
      }),
  } satisfies HandlersFor<KeepingInTouchMethod>
}
