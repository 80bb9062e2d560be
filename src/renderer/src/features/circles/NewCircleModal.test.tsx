import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { NewCircleModal } from './NewCircleModal'

describe('NewCircleModal', () => {
  it('asks for a name, creates the circle and hands back its id; a refusal is shown inline', async () => {
    let refuse = true
    const api = createFakeApi({
      'circles.create': () =>
        refuse
          ? { ok: false, error: { code: 'bad-request', message: 'name: Too long (max 200)' } }
          : { ok: true, value: { circle: { id: 'c9' } as never } },
    })
    const onCreated = vi.fn()
    renderWithProviders(<NewCircleModal opened onClose={vi.fn()} onCreated={onCreated} />, { platform: createFakePlatform(api) })
    const user = userEvent.setup({ delay: null })
    const inline = async () => (await within(await screen.findByRole('form', { name: 'New circle' })).findByRole('alert')).textContent
    await user.click(await screen.findByRole('button', { name: 'Create circle' }))
    expect(await inline()).toMatch('Give the circle a name.')
    expect(api.calls).toEqual([])

    fireEvent.change(screen.getByRole('textbox', { name: /Name/ }), { target: { value: 'KS2 science' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'What it is for' }), { target: { value: 'Practicals that work' } })
    await user.click(screen.getByRole('button', { name: 'Create circle' }))
    await waitFor(async () => expect(await inline()).toMatch('name: Too long (max 200)'))
    refuse = false
    await user.click(screen.getByRole('button', { name: 'Create circle' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('c9'))
    expect(api.calls.at(-1)).toEqual({ method: 'circles.create', args: { name: 'KS2 science', description: 'Practicals that work' } })
  }, 15_000)

  it('closes with Cancel', async () => {
    const onClose = vi.fn()
    renderWithProviders(<NewCircleModal opened onClose={onClose} onCreated={vi.fn()} />, { platform: createFakePlatform(createFakeApi({})) })
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(onClose).toHaveBeenCalled()
  }, 15_000)
})
