import { apiArgs, type DesktopPreferences } from '@shared/api'
import { ApiError, type RpcResult } from '@shared/errors'
import { isRecord, readJsonFile, writeJsonFileAtomic } from './jsonFile'
import type { LoginItems } from './LoginItems'

export interface DesktopPreferencesStoreOptions {
  /** <profile>/electron/desktop-preferences.json */
  file: string
  loginItems: LoginItems
  /** False in a development build: nothing to update. */
  updatesSupported: boolean
  log(message: string): void
}

export type DesktopPreferenceChanges = Partial<Pick<DesktopPreferences, 'openAtLogin' | 'automaticUpdateChecks'>>

/** What the file holds; opening at login is not in it (the OS keeps that). */
interface StoredPreferences {
  automaticUpdateChecks: boolean
}

const defaults: StoredPreferences = { automaticUpdateChecks: false }

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The desktop app's own preferences: opening at login (read from and written to the OS, which the
 * teacher may also change there) and automatic update checks (opt-in, kept in the profile's
 * electron folder). Answers `desktop.preferences` and `desktop.setPreferences`; the updater
 * subscribes to changes of automaticUpdateChecks.
 */
export class DesktopPreferencesStore {
  private stored: StoredPreferences
  /** The file was damaged: the next change writes it whole again. */
  private damaged = false
  private readonly listeners = new Set<(automaticUpdateChecks: boolean) => void>()

  constructor(private readonly options: DesktopPreferencesStoreOptions) {
    this.stored = this.load()
  }

  get automaticUpdateChecks(): boolean {
    return this.stored.automaticUpdateChecks
  }

  /** Called with the new value whenever automatic update checks are turned on or off. Returns the unsubscribe call. */
  onAutomaticUpdateChecksChange(listener: (automaticUpdateChecks: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async preferences(): Promise<DesktopPreferences> {
    const { loginItems, updatesSupported } = this.options
    return {
      openAtLogin: await this.openAtLogin(),
      openAtLoginSupported: loginItems.supported,
      automaticUpdateChecks: this.stored.automaticUpdateChecks,
      updatesSupported,
    }
  }

  /** Changes what is given; throws an ApiError the page shows when the OS or the disk refuses. */
  async setPreferences(changes: DesktopPreferenceChanges): Promise<DesktopPreferences> {
    const { loginItems } = this.options
    if (typeof changes.openAtLogin === 'boolean') {
      if (!loginItems.supported) throw new ApiError('bad-request', 'Opening at login is not available in this build of Staffroom.')
      try {
        await loginItems.setEnabled(changes.openAtLogin)
      } catch (error) {
        this.options.log(`Could not change opening at login: ${message(error)}`)
        throw new ApiError('internal', `Could not ${changes.openAtLogin ? 'turn on' : 'turn off'} opening at login: ${message(error)}`)
      }
    }
    const updates = typeof changes.automaticUpdateChecks === 'boolean' ? changes.automaticUpdateChecks : this.stored.automaticUpdateChecks
    const changed = updates !== this.stored.automaticUpdateChecks
    if (changed || this.damaged) {
      const next = { ...this.stored, automaticUpdateChecks: updates }
      try {
        writeJsonFileAtomic(this.options.file, next)
      } catch (error) {
        this.options.log(`Could not save the desktop preferences: ${message(error)}`)
        throw new ApiError('internal', `Could not save the update setting: ${message(error)}`)
      }
      this.stored = next
      this.damaged = false
      if (changed) this.notify(updates)
    }
    return this.preferences()
  }

  /** The two methods the shell answers itself (give them to registerRpcIpc's shellMethods). */
  shellMethods(): Record<'desktop.preferences' | 'desktop.setPreferences', (args: unknown) => Promise<RpcResult<DesktopPreferences>>> {
    return {
      'desktop.preferences': () => this.answer(() => this.preferences()),
      'desktop.setPreferences': (args) => {
        // registerRpcIpc hands shell methods the page's raw arguments.
        const parsed = apiArgs['desktop.setPreferences'].safeParse(args ?? {})
        if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'bad-request', message: 'Those desktop preferences are not valid.' } })
        return this.answer(() => this.setPreferences(parsed.data))
      },
    }
  }

  private async answer(run: () => Promise<DesktopPreferences>): Promise<RpcResult<DesktopPreferences>> {
    try {
      return { ok: true, value: await run() }
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } }
      this.options.log(`Desktop preferences failed: ${message(error)}`)
      return { ok: false, error: { code: 'internal', message: 'Staffroom could not read its desktop preferences.' } }
    }
  }

  private async openAtLogin(): Promise<boolean> {
    if (!this.options.loginItems.supported) return false
    try {
      return await this.options.loginItems.isEnabled()
    } catch (error) {
      this.options.log(`Could not ask the OS whether Staffroom opens at login: ${message(error)}`)
      return false
    }
  }

  private notify(automaticUpdateChecks: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(automaticUpdateChecks)
      } catch (error) {
        this.options.log(`A desktop preferences listener failed: ${message(error)}`)
      }
    }
  }

  /** A damaged file falls back to the defaults (and is rewritten whole on the next change). */
  private load(): StoredPreferences {
    const read = readJsonFile(this.options.file)
    if (read.kind === 'missing') return { ...defaults }
    const stored = read.kind === 'read' ? parseStored(read.value) : read.reason
    if (typeof stored !== 'string') return stored
    this.options.log(`Ignoring the desktop preferences file: ${stored}`)
    this.damaged = true
    return { ...defaults }
  }
}

/** The stored preferences, or what is wrong with them. */
function parseStored(value: unknown): StoredPreferences | string {
  if (!isRecord(value) || typeof value.automaticUpdateChecks !== 'boolean') return 'automaticUpdateChecks is not true or false'
  return { automaticUpdateChecks: value.automaticUpdateChecks }
}
