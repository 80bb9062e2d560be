import type { DocHandle } from '@automerge/automerge-repo'
import { updateText } from '@automerge/automerge-repo'
import { useEffect, useState } from 'react'
import { showErrorToast } from '../../app/errorToasts'

/**
 * A document's `title`, edited as Automerge text so two people typing at once merge instead of
 * overwrite: follows remote changes, keeps it on one line, and cuts it at `maxChars` with a toast.
 */
export function useLiveTitle(handle: DocHandle<{ title: string }>, maxChars: number, tooLongMessage: string): [string, (next: string) => void] {
  const [title, setTitle] = useState(() => handle.doc()?.title ?? '')

  useEffect(() => {
    const sync = () => setTitle(handle.doc()?.title ?? '')
    sync()
    handle.on('change', sync)
    return () => {
      handle.off('change', sync)
    }
  }, [handle])

  function change(next: string) {
    let value = next.replace(/[\r\n]+/g, ' ')
    if (value.length > maxChars) {
      value = value.slice(0, maxChars)
      showErrorToast('Title too long', tooLongMessage)
    }
    setTitle(value)
    handle.change((doc) => updateText(doc, ['title'], value))
  }

  return [title, change]
}
