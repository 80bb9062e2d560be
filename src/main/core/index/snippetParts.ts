import type { SnippetPart } from '@shared/api'
import { matchEnd, matchStart } from './projectNote'

/** Splits text that FTS5 marked with the private-use markers into parts the UI renders as text. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let match = false
  let current = ''
  const push = () => {
    if (current) {
      const last = parts.at(-1)
      if (last && last.match === match) last.text += current
      else parts.push({ text: current, match })
    }
    current = ''
  }
  for (const char of marked) {
    if (char === matchStart || char === matchEnd) {
      push()
      match = char === matchStart
    } else {
      current += char
    }
  }
  push()
  return parts
}
