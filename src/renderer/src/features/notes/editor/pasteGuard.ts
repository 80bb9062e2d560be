import { Plugin } from 'prosemirror-state'

export interface PasteGuardOptions {
  maxChars: number
  /** Told how large the refused paste or drop was, to explain it to the user. */
  onRefused: (chars: number) => void
}

function transferSize(data: DataTransfer | null): number {
  if (!data) return 0
  const text = data.getData('text/plain')
  return text ? text.length : data.getData('text/html').length
}

/**
 * Refuses an oversized paste or drop before ProseMirror parses it, so nothing in the note changes.
 * The slice check catches pastes whose clipboard size we could not read.
 */
export function pasteGuard({ maxChars, onRefused }: PasteGuardOptions): Plugin {
  const refuse = (event: Event, size: number) => {
    event.preventDefault()
    onRefused(size)
    return true
  }
  return new Plugin({
    props: {
      handleDOMEvents: {
        paste: (_view, event) => {
          const size = transferSize(event.clipboardData)
          return size > maxChars ? refuse(event, size) : false
        },
        drop: (_view, event) => {
          const size = transferSize(event.dataTransfer)
          return size > maxChars ? refuse(event, size) : false
        },
      },
      handlePaste: (_view, event, slice) => {
        const size = slice.content.textBetween(0, slice.content.size, '\n', ' ').length
        return size > maxChars ? refuse(event, size) : false
      },
    },
  })
}
