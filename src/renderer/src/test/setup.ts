// jsdom lacks a few browser APIs that Mantine and ProseMirror use; these stand-ins are enough for tests.
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy*/waitFor wait up to 5 s, not 1 s: on the 2-core build machines two test workers share
// the CPU with jsdom layout and Mantine transitions, and a slow render is not a failure.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
  window.location.hash = ''
})

if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })
}

if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}

if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined

const emptyRects = (): DOMRectList => Object.assign([], { item: () => null }) as unknown as DOMRectList
const zeroRect = (): DOMRect => new DOMRect(0, 0, 0, 0)
// ProseMirror measures text ranges for selection and scrolling.
if (!Range.prototype.getClientRects) Range.prototype.getClientRects = emptyRects
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = zeroRect
if (!document.elementFromPoint) document.elementFromPoint = () => null

// jsdom lays nothing out; give virtual lists' scroll boxes a height so they render their first rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute('data-virtual-scroll') ? 600 : 0
  },
})
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute('data-virtual-scroll') ? 320 : 0
  },
})

// Mantine's autosizing Textarea listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined } })
}
