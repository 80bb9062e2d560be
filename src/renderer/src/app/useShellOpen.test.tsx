import type { BundleImportResult } from '@shared/api/bundles'
import { act, renderHook, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { pendingInvite, usePendingInvite } from '../features/devices/pendingInvite'
import { PlatformProvider } from '../platform/PlatformContext'
import { createFakeApi, createFakePlatform } from '../test/fakePlatform'
import { renderWithProviders } from '../test/render'
import { useShellOpen } from './useShellOpen'

function ShellOpen() {
  useShellOpen()
  return null
}

function bundle(partial: Partial<BundleImportResult>): BundleImportResult {
  return { documentId: 'doc 1', url: 'automerge:doc1', kind: 'note', title: 'Fractions starter', outcome: 'added', exportedAt: 0, exportedBy: 'A'.repeat(52), ...partial }
}

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

  it('opens the Devices screen with an opened invite link waiting to be filled in, never accepting it', () => {
    const api = createFakeApi({})
    const wrapper = ({ children }: { children: ReactNode }) => <PlatformProvider platform={createFakePlatform(api)}>{children}</PlatformProvider>
    const { result } = renderHook(
      () => {
        useShellOpen()
        return usePendingInvite()
      },
      { wrapper },
    )
    act(() => api.emit('shell.open', { target: { section: 'accept-invite', code: 'staffroom://invite/SR1-CODE' } }))
    expect(window.location.hash).toBe('#/devices')
    expect(result.current?.code).toBe('staffroom://invite/SR1-CODE')
    expect(api.calls).toEqual([])
    act(() => pendingInvite.take())
  })

  it('opens an imported bundle by its kind and says what happened to it', async () => {
    const api = createFakeApi({})
    renderWithProviders(<ShellOpen />, { platform: createFakePlatform(api) })
    act(() => api.emit('shell.open', { target: { section: 'bundle-opened', fileName: 'fractions.staffroom', result: bundle({}) } }))
    expect(await screen.findByText('Added to your notes')).toBeTruthy()
    expect(screen.getByText('“Fractions starter” from fractions.staffroom is now among your notes.')).toBeTruthy()
    expect(window.location.hash).toBe('#/all?note=doc+1')

    act(() => api.emit('shell.open', { target: { section: 'bundle-opened', fileName: 'rivers.staffroom', result: bundle({ documentId: 'p1', kind: 'project', title: 'Rivers', outcome: 'merged' }) } }))
    expect(await screen.findByText('“Rivers” now holds the changes from rivers.staffroom too.')).toBeTruthy()
    expect(screen.getByText('Merged into your copy')).toBeTruthy()
    expect(window.location.hash).toBe('#/projects/p1')

    act(() => api.emit('shell.open', { target: { section: 'bundle-opened', fileName: 'maths.staffroom', result: bundle({ documentId: 'c1', kind: 'circle', title: '' }) } }))
    expect(await screen.findByText('“Unnamed circle” from maths.staffroom is now among your shared spaces.')).toBeTruthy()
    expect(window.location.hash).toBe('#/circles/c1')
  })

  it('says a refused bundle file was not imported and changed nothing, staying where the teacher is', async () => {
    const api = createFakeApi({})
    window.location.hash = '#/pinned'
    renderWithProviders(<ShellOpen />, { platform: createFakePlatform(api) })
    act(() => api.emit('shell.open', { target: { section: 'bundle-refused', fileName: 'holiday.jpg', message: 'This file is not a Staffroom bundle.' } }))
    expect(await screen.findByText('holiday.jpg was not imported')).toBeTruthy()
    expect(screen.getByText('This file is not a Staffroom bundle. Nothing was changed.')).toBeTruthy()
    expect(window.location.hash).toBe('#/pinned')
  })

  it('tells the desktop shell it is listening, once subscribed, so the links and files held for it come', () => {
    const api = createFakeApi({ 'desktop.pageReady': () => ({ ok: true, value: { listening: true } }) })
    let subscribedWhenReadyWasSent = false
    const on = api.on.bind(api)
    let subscribed = false
    api.on = ((event: string, listener: never) => {
      if (event === 'shell.open') subscribed = true
      return on(event as never, listener)
    }) as typeof api.on
    const call = api.call.bind(api)
    api.call = ((method: string, args: unknown) => {
      if (method === 'desktop.pageReady') subscribedWhenReadyWasSent = subscribed
      return call(method as never, args as never)
    }) as typeof api.call
    const wrapper = ({ children }: { children: ReactNode }) => <PlatformProvider platform={{ ...createFakePlatform(api), shell: 'electron' }}>{children}</PlatformProvider>
    renderHook(() => useShellOpen(), { wrapper })
    expect(api.calls.map((entry) => entry.method)).toEqual(['desktop.pageReady'])
    expect(subscribedWhenReadyWasSent).toBe(true)
  })

  it('says nothing of the kind in the browser, where no shell holds anything', () => {
    const api = createFakeApi({})
    const wrapper = ({ children }: { children: ReactNode }) => <PlatformProvider platform={createFakePlatform(api)}>{children}</PlatformProvider>
    renderHook(() => useShellOpen(), { wrapper })
    expect(api.calls).toEqual([])
  })
})
