const frameId = 'staffroom-print-frame'

/**
 * Prints a standalone page from the browser shell: it goes into a hidden iframe as srcdoc with a
 * sandbox that allows no script (allow-same-origin only lets this page call print() on it,
 * allow-modals lets the print dialog open), so nothing in the page can run, and the app's CSP
 * needs no new grant (a srcdoc frame is not fetched). The frame goes away after printing.
 */
export function printHtml(html: string, doc: Document = document): HTMLIFrameElement {
  doc.getElementById(frameId)?.remove()
  const frame = doc.createElement('iframe')
  frame.id = frameId
  frame.title = 'Page to print'
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  // Laid out at A4 width, but out of sight: display:none would not print in every browser.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '210mm', height: '297mm', border: '0', opacity: '0', pointerEvents: 'none' })
  frame.addEventListener('load', () => {
    const view = frame.contentWindow
    if (!view) return
    view.addEventListener('afterprint', () => frame.remove())
    view.print()
  })
  frame.srcdoc = html
  doc.body.append(frame)
  return frame
}
