import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { PlatformProvider } from '../platform/PlatformContext'
import { createFakeApi, createFakePlatform } from '../test/fakePlatform'
import { useShellOpen } from './useShellOpen'

describe('useShellOpen', () => {
  it('opens the contact or the Keep in touch screen a clicked reminder names', () => {
    const api = createFakeApi({})
    const wrapper = ({ children }: { children: ReactNode }) => <PlatformProvider platform={createFakePlatform(api)}>{children}</PlatformProvider>
    renderHook(() => useShellOpen(), { wrapper })
    api.emit('shell.open', { target: { section: 'contacts', recordId: 'c 1' } })
    expect(window.location.hash).toBe('#/contacts?id=c+1')
    api.emit('shell.open', { target: { section: 'keep-in-touch' } })
    expect(window.location.hash).toBe('#/keep-in-touch')
  })
})
