import type { PreloadBridge } from '@shared/api/wire'
import { act, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { renderWithProviders } from '../../../test/render'
import { openExternalLink } from './openExternalLink'

const fakeBridge: PreloadBridge = { invoke: async () => ({ ok: true, value: null }), on: () => () => undefined }

describe('openExternalLink', () => {
  let open: MockInstance<typeof window.open>
  beforeEach(() => {
    open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderWithProviders(<div />)
  })
  afterEach(() => {
    open.mockRestore()
    delete window.staffroom
  })

  it('in Electron, says why an http link does not open instead of failing silently', async () => {
    window.staffroom = fakeBridge
    let opened = true
    act(() => {
      opened = openExternalLink('http://example.org/unit-3')
    })
    expect(opened).toBe(false)
    expect(open).not.toHaveBeenCalled()
    expect(await screen.findByText('Link not opened')).toBeTruthy()
    expect(screen.getByText(/start with https:\/\//)).toBeTruthy()
  })

  it('in Electron, opens https and mailto links', () => {
    window.staffroom = fakeBridge
    expect(openExternalLink('https://example.org/unit-3')).toBe(true)
    expect(openExternalLink('mailto:head@school.example')).toBe(true)
    expect(open.mock.calls.map((call) => call[0])).toEqual(['https://example.org/unit-3', 'mailto:head@school.example'])
  })

  it('in a browser tab, opens http links as any page would', () => {
    expect(openExternalLink('http://example.org/')).toBe(true)
    expect(open).toHaveBeenCalledWith('http://example.org/', '_blank', 'noopener,noreferrer')
    expect(screen.queryByText('Link not opened')).toBeNull()
  })
})
