import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { desktopCard, useDesktopCardRequest } from './desktopCardStore'
import { useUpdateNotice } from './useUpdateNotice'

function UpdateNotice() {
  useUpdateNotice()
  const request = useDesktopCardRequest()
  return <output data-testid="card-request">{request ? `check:${request.check}` : 'none'}</output>
}

function renderNotice(shell: 'electron' | 'serve') {
  const api = createFakeApi({})
  renderWithProviders(<UpdateNotice />, { platform: { ...createFakePlatform(api), shell } })
  return api
}

const available = (version: string) => ({ state: 'available' as const, version, releaseNotes: 'Faster search.' })

describe('useUpdateNotice', () => {
  it('tells the teacher about a new version once, and leads to the Desktop app card', async () => {
    const user = userEvent.setup()
    window.location.hash = '#/all'
    const api = renderNotice('electron')
    act(() => api.emit('updates.status', { state: 'checking' }))
    act(() => api.emit('updates.status', available('1.5.0')))
    expect(await screen.findByText('Staffroom 1.5.0 is available')).toBeTruthy()
    act(() => api.emit('updates.status', available('1.5.0')))
    act(() => api.emit('updates.status', { state: 'downloaded', version: '1.5.0', releaseNotes: '' }))
    await waitFor(() => expect(screen.getAllByText(/Staffroom 1\.5\.0 is/)).toHaveLength(1))

    await user.click(screen.getByRole('button', { name: 'Show the update' }))
    expect(window.location.hash).toBe('#/devices')
    expect(screen.getByTestId('card-request').textContent).toBe('check:false')
    await waitFor(() => expect(screen.queryByText('Staffroom 1.5.0 is available')).toBeNull())

    act(() => api.emit('updates.status', { state: 'downloaded', version: '1.6.0', releaseNotes: '' }))
    expect(window.location.hash).toBe('#/devices')
    // On the Devices screen the card itself says it; the notice is for elsewhere.
    window.location.hash = '#/all'
    act(() => api.emit('updates.status', { state: 'downloaded', version: '1.6.0', releaseNotes: '' }))
    act(() => api.emit('updates.status', { state: 'downloaded', version: '1.7.0', releaseNotes: '' }))
    expect(await screen.findByText('Staffroom 1.7.0 is ready to install')).toBeTruthy()
    expect(screen.queryByText(/Staffroom 1\.6\.0/)).toBeNull()
    act(() => desktopCard.take())
  })

  it('stays quiet in the browser, where there are no desktop updates', async () => {
    window.location.hash = '#/all'
    const api = renderNotice('serve')
    act(() => api.emit('updates.status', available('1.5.0')))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByText('Staffroom 1.5.0 is available')).toBeNull()
  })
})
