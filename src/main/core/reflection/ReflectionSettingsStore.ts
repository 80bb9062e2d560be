import type { DocHandle } from '@automerge/automerge-repo'
import { reflectionCadences, type ReflectionCadence, type ReflectionSchedule, type ReflectionSettings } from '@shared/api/reflection'
import { isoDate } from '@shared/network/records'
import { newWorkspaceSettings, type WorkspaceDoc, type WorkspaceReflectionSettings } from '@shared/workspace/WorkspaceDoc'

/** A workspace that never chose gets monthly check-ins: the article asks to reflect regularly. */
export const defaultCadence: ReflectionCadence = 'monthly'

/** Dismissals kept; the oldest go first (a key that comes back is simply shown again). */
export const maxDismissed = 500

const isCadence = (value: unknown): value is ReflectionCadence => typeof value === 'string' && (reflectionCadences as readonly string[]).includes(value)
const isDay = (value: unknown): value is string => typeof value === 'string' && isoDate.safeParse(value).success

/**
 * The check-in schedule and the dismissed suggestions, kept in the workspace document so they
 * follow the teacher to every device. Reads are defensive: the field is optional (older
 * workspaces have none) and a peer may have written any shape.
 */
export class ReflectionSettingsStore {
  constructor(private readonly workspace: DocHandle<WorkspaceDoc>) {}

  read(): ReflectionSettings {
    const raw: unknown = this.workspace.doc().settings?.reflection
    const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const termEnds = Array.isArray(stored.termEnds) ? [...new Set(stored.termEnds.filter(isDay))].sort() : []
    const dismissedRaw = typeof stored.dismissed === 'object' && stored.dismissed !== null ? (stored.dismissed as Record<string, unknown>) : {}
    const dismissed = Object.entries(dismissedRaw)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([key, at]) => ({ key, at }))
      .sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : 1))
    return { schedule: { cadence: isCadence(stored.cadence) ? stored.cadence : defaultCadence, termEnds }, dismissed }
  }

  dismissedKeys(): string[] {
    return this.read().dismissed.map((d) => d.key)
  }

  setSchedule(schedule: ReflectionSchedule): ReflectionSettings {
    const termEnds = [...new Set(schedule.termEnds)].sort()
    this.change((settings) => {
      if (settings.cadence !== schedule.cadence) settings.cadence = schedule.cadence
      if (JSON.stringify(settings.termEnds) !== JSON.stringify(termEnds)) settings.termEnds = termEnds
    })
    return this.read()
  }

  dismiss(key: string, at: number): void {
    this.change((settings) => {
      settings.dismissed[key] = at
      const keys = Object.keys(settings.dismissed)
      if (keys.length <= maxDismissed) return
      const oldest = keys.sort((a, b) => (settings.dismissed[a] ?? 0) - (settings.dismissed[b] ?? 0)).slice(0, keys.length - maxDismissed)
      for (const old of oldest) delete settings.dismissed[old]
    })
  }

  undismiss(key: string): void {
    if (!this.read().dismissed.some((d) => d.key === key)) return
    this.change((settings) => {
      delete settings.dismissed[key]
    })
  }

  /** Repairs whatever is stored into the expected shape first, keeping what is valid. */
  private change(fn: (settings: WorkspaceReflectionSettings) => void): void {
    const current = this.read()
    this.workspace.change((doc) => {
      doc.settings ??= newWorkspaceSettings()
      const stored = doc.settings.reflection as unknown
      if (typeof stored !== 'object' || stored === null) {
        doc.settings.reflection = {
          cadence: current.schedule.cadence,
          termEnds: current.schedule.termEnds,
          dismissed: Object.fromEntries(current.dismissed.map((d) => [d.key, d.at])),
        }
      } else {
        const reflection = doc.settings.reflection!
        if (!isCadence(reflection.cadence)) reflection.cadence = current.schedule.cadence
        if (!Array.isArray(reflection.termEnds) || !reflection.termEnds.every(isDay)) reflection.termEnds = current.schedule.termEnds
        if (typeof reflection.dismissed !== 'object' || reflection.dismissed === null) reflection.dismissed = {}
        for (const [key, at] of Object.entries(reflection.dismissed)) if (typeof at !== 'number') delete reflection.dismissed[key]
      }
      fn(doc.settings.reflection!)
    })
  }
}
