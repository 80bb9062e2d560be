import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { interactionRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { CommandPalette } from './CommandPalette'
import { palette } from './paletteStore'

describe('CommandPalette', () => {
  it('searches every kind through search.all and opens the hit where it lives', async () => {
    const api = createFakeApi({
      'search.all': () => ({
        ok: true,
        value: {
          hits: [
            { kind: 'contact', id: 'ada', url: null, title: [{ text: 'Ada', match: true }, { text: ' Lovelace', match: false }], snippet: [], detail: 'Maths teacher · Hillside' },
            { kind: 'interaction', id: 'i1', url: null, title: [{ text: 'Talked about Ada’s notes', match: false }], snippet: [], detail: '2026-03-01' },
          ],
        },
      }),
      'interactions.get': () => ({ ok: true, value: { interaction: {} as never, row: interactionRow({ id: 'i1', contacts: [{ id: 'alan', name: 'Alan Turing' }] }) } }),
    })
    renderWithProviders(<CommandPalette />, { platform: createFakePlatform(api) })
    act(() => palette.open())
    const dialog = await screen.findByRole('dialog', { name: 'Search notes and commands' })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search everything or type a command' }), { target: { value: 'ada' } })
    const hits = await within(dialog).findAllByTestId('palette-hit')
    expect(hits).toHaveLength(2)
    expect(within(hits[0]!).getByRole('img', { name: 'Contact' })).toBeTruthy()
    expect(hits[0]!.textContent).toContain('Maths teacher · Hillside')
    expect(api.calls.find((call) => call.method === 'search.all')!.args).toMatchObject({ text: 'ada' })

    fireEvent.click(hits[0]!)
    await waitFor(() => expect(window.location.hash).toBe('#/contacts?id=ada'))

    act(() => palette.open())
    fireEvent.click((await screen.findAllByTestId('palette-hit'))[1]!)
    await waitFor(() => expect(window.location.hash).toBe('#/contacts?id=alan'))
    act(() => palette.close())
  })
})
