import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../test/fakePlatform'
import { renderWithProviders } from '../test/render'
import { useStorageStatus } from './useStorageStatus'

function StorageStatus() {
  useStorageStatus()
  return null
}

describe('useStorageStatus', () => {
  it('shows that the disk is full until the core says the held changes are saved', async () => {
    const api = createFakeApi({})
    const platform = createFakePlatform(api)
    renderWithProviders(<StorageStatus />, { platform })
    act(() => api.emit('storage.status', { state: 'full', message: 'The disk is full, so Staffroom could not save everything.' }))
    expect(await screen.findByText('The disk is full, so Staffroom could not save everything.')).toBeTruthy()
    act(() => api.emit('storage.status', { state: 'ok', message: 'There is space on the disk again.' }))
    expect(await screen.findByText('There is space on the disk again.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('The disk is full, so Staffroom could not save everything.')).toBeNull())
  })
})
