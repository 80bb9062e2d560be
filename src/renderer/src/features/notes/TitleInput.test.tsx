import { limits } from '@shared/limits'
import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../test/render'
import { createNoteHandle } from './editor/testEditor'
import { TitleInput, titleTooLongMessage } from './TitleInput'

describe('TitleInput', () => {
  it('writes the title into the note document', () => {
    const handle = createNoteHandle()
    renderWithProviders(<TitleInput handle={handle} />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Note title' }), { target: { value: 'Parents evening' } })
    expect(handle.doc().title).toBe('Parents evening')
  })

  it('cuts a 10,000 character title to the limit and says so', async () => {
    const handle = createNoteHandle()
    renderWithProviders(<TitleInput handle={handle} />)
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Note title' })
    fireEvent.change(input, { target: { value: 'a'.repeat(10_000) } })
    expect(handle.doc().title).toHaveLength(limits.noteTitleChars)
    expect(input.value).toHaveLength(limits.noteTitleChars)
    expect(await screen.findByText(titleTooLongMessage())).toBeTruthy()
  })

  it('shows a title another editor changed', () => {
    const handle = createNoteHandle()
    renderWithProviders(<TitleInput handle={handle} />)
    act(() =>
      handle.change((doc) => {
        doc.title = 'Changed elsewhere'
      }),
    )
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Note title' }).value).toBe('Changed elsewhere')
  })

  it('puts the caret in the title of a fresh note, not in one that has content', () => {
    const fresh = createNoteHandle()
    const { unmount } = renderWithProviders(<TitleInput handle={fresh} />)
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Note title' }))
    unmount()

    const named = createNoteHandle()
    named.change((doc) => {
      doc.title = 'Parents evening'
    })
    renderWithProviders(<TitleInput handle={named} />)
    expect(document.activeElement).not.toBe(screen.getByRole('textbox', { name: 'Note title' }))
  })
})
