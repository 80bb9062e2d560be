import { externalLinkRefusal } from '@shared/links'
import { Plugin } from 'prosemirror-state'
import { showErrorToast } from '../../../app/errorToasts'
import { electronBridge } from '../../../platform/electronBridge'
import { safeHref } from './safeHref'

/**
 * Opens a link outside the app: a new tab without opener in the browser; in Electron the main
 * process catches the new window and hands the address to the OS browser, but only what
 * @shared/links allows, so a link it would drop gets a toast saying why instead.
 */
export function openExternalLink(href: string, inElectron = electronBridge() !== undefined): boolean {
  const safe = safeHref(href)
  if (!safe) return false
  const refusal = inElectron ? externalLinkRefusal(safe) : null
  if (refusal) {
    showErrorToast('Link not opened', refusal)
    return false
  }
  window.open(safe, '_blank', 'noopener,noreferrer')
  return true
}

/** Links inside the editor are inert; Ctrl/⌘-click opens them. */
export function linkClickPlugin(): Plugin {
  return new Plugin({
    props: {
      handleClick(view, pos, event) {
        if (!(event.ctrlKey || event.metaKey)) return false
        const $pos = view.state.doc.resolve(pos)
        const link = [...$pos.marks(), ...($pos.nodeAfter?.marks ?? [])].find((m) => m.type.name === 'link')
        if (!link) return false
        event.preventDefault()
        return openExternalLink(link.attrs.href as string)
      },
      handleDOMEvents: {
        // A plain click must never navigate the app window away.
        click: (_view, event) => {
          if ((event.target as HTMLElement | null)?.closest('a')) event.preventDefault()
          return false
        },
      },
    },
  })
}
