import { limits } from '@shared/limits'
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../test/render'
import { pasteRefusedMessage, RichTextEditor } from './RichTextEditor'
import { createNoteHandle } from './testEditor'

function pasteEvent(text: string): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  })
  return event
}

describe('RichTextEditor', () => {
  it('is a labelled textbox with a labelled formatting toolbar', async () => {
    renderWithProviders(<RichTextEditor handle={createNoteHandle()} />)
    expect(await screen.findByRole('textbox', { name: 'Note body' })).toBeTruthy()
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' })
    for (const name of ['Bold', 'Italic', 'Heading 1', 'Bulleted list', 'Numbered list', 'Checklist', 'Add link']) {
      expect(toolbar.querySelector(`[aria-label="${name}"]`)).not.toBeNull()
    }
  })

  it('refuses an oversized paste with a toast and changes nothing', async () => {
    const handle = createNoteHandle()
    handle.change((doc) => {
      doc.body = 'keep me'
    })
    renderWithProviders(<RichTextEditor handle={handle} />)
    const body = await screen.findByRole('textbox', { name: 'Note body' })
    const huge = 'x'.repeat(limits.pasteChars + 1)
    const event = pasteEvent(huge)
    body.dispatchEvent(event)

    expect(event.defaultPrevented).toBe(true)
    expect(await screen.findByText(pasteRefusedMessage(huge.length))).toBeTruthy()
    expect(handle.doc().body).toBe('keep me')
    expect(body.textContent).toBe('keep me')
  })
})
