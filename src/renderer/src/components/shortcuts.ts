export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** "Ctrl+K" or "⌘K", as the user's keyboard says it. */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`
}

/**
 * Browsers keep Ctrl/⌘+N for a new window, so in a browser tab (serve) "New note" is Alt+N;
 * the desktop app gets Ctrl/⌘+N. Both are registered everywhere.
 */
export function newNoteShortcut(shell: 'electron' | 'serve'): string {
  return shell === 'electron' ? shortcutLabel('N') : isMac ? '⌥N' : 'Alt+N'
}

/** Browsers keep Ctrl/⌘+L for the address bar, so in a tab (serve) "Log interaction" is Alt+L. */
export function logInteractionShortcut(shell: 'electron' | 'serve'): string {
  return shell === 'electron' ? shortcutLabel('L') : isMac ? '⌥L' : 'Alt+L'
}
