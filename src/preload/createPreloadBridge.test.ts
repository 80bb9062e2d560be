import { describe, expect, it } from 'vitest'
import { ipcChannels } from '@shared/api/wire'
import { createPreloadBridge, type IpcRendererPort } from './createPreloadBridge'

type Listener = (event: unknown, message: unknown) => void

class FakeIpcRenderer implements IpcRendererPort {
  readonly invoked: unknown[][] = []
  private readonly listeners = new Map<string, Listener[]>()
  on(channel: string, listener: Listener): void {
    this.listeners.set(channel, [...this.listenersOf(channel), listener])
  }
  removeListener(channel: string, listener: Listener): void {
    this.listeners.set(channel, this.listenersOf(channel).filter((l) => l !== listener))
  }
  emit(channel: string, event: unknown, message: unknown): void {
    for (const listener of this.listenersOf(channel)) listener(event, message)
  }
  listenerCount(channel: string): number {
    return this.listenersOf(channel).length
  }
  private listenersOf(channel: string): Listener[] {
    return this.listeners.get(channel) ?? []
  }
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args])
    return { ok: true, value: 'from main' }
  }
}

describe('preload bridge', () => {
  it('exposes only invoke and on', () => {
    expect(Object.keys(createPreloadBridge(new FakeIpcRenderer())).sort()).toEqual(['invoke', 'on'])
  })

  it('invokes on the one RPC channel', async () => {
    const ipc = new FakeIpcRenderer()
    const bridge = createPreloadBridge(ipc)
    expect(await bridge.invoke('notes.get', { id: 'a' })).toEqual({ ok: true, value: 'from main' })
    expect(ipc.invoked).toEqual([[ipcChannels.invoke, 'notes.get', { id: 'a' }]])
    expect(await bridge.invoke(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(ipc.invoked).toHaveLength(1)
  })

  it('passes events on without Electron\'s event object, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = createPreloadBridge(ipc)
    const seen: unknown[][] = []
    const off = bridge.on((...args) => seen.push(args))
    const electronEvent = { sender: 'ipcRenderer internals' }
    ipc.emit(ipcChannels.event, electronEvent, { event: 'index.changed', payload: { kinds: ['notes'], ids: [] } })
    ipc.emit(ipcChannels.event, electronEvent, 'garbage')
    expect(seen).toEqual([['index.changed', { kinds: ['notes'], ids: [] }]])
    off()
    expect(ipc.listenerCount(ipcChannels.event)).toBe(0)
  })
})
