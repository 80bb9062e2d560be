import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ReminderNotifierOptions, ShownReminders } from './ReminderNotifier'

/**
 * Keeps the day's shown reminders in a small JSON file (in the profile's electron folder), so
 * quitting and reopening the app the same day does not show them again. A missing or unreadable
 * file counts as nothing shown yet.
 */
export function shownRemindersFile(file: string): NonNullable<ReminderNotifierOptions['memory']> {
  return {
    load: () => {
      try {
        const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShownReminders>
        if (typeof value.day !== 'string' || !Array.isArray(value.keys)) return undefined
        return { day: value.day, keys: value.keys.filter((key): key is string => typeof key === 'string') }
      } catch {
        return undefined
      }
    },
    save: (shown) => {
      mkdirSync(path.dirname(file), { recursive: true })
      const temporary = `${file}.tmp`
      writeFileSync(temporary, JSON.stringify(shown))
      renameSync(temporary, file)
    },
  }
}
