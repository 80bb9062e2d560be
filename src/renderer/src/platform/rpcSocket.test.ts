import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRpcSocket } from './rpcSocket'

class FakeSocket {
  static all: FakeSocket[] = []
  sent: string[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  send(data: string) {
    this.sent.push(data)
  }
  close() {
    this.onclose?.()
  }
  open() {
    this.onopen?.()
  }
  reply(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) })
  }
}

function setup() {
  return createRpcSocket({
    url: 'ws://127.0.0.1:1/rpc',
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
    initialDelayMs: 100,
    connectTimeoutMs: 1000,
  })
}

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('rpc socket (serve)', () => {
  it('sends calls made before the socket opens, and matches replies by id', async () => {
    const rpc = setup()
    const result = rpc.invoke('notes.list', {})
    const socket = FakeSocket.all[0]!
    socket.open()
    const request = JSON.parse(socket.sent[0]!) as { id: number; method: string }
    expect(request.method).toBe('notes.list')
    socket.reply({ id: request.id, result: { ok: true, value: { notes: [], total: 0 } } })
    await expect(result).resolves.toEqual({ ok: true, value: { notes: [], total: 0 } })
  })

  it('fails pending calls with a clear error when the connection drops, then reconnects with backoff', async () => {
    const rpc = setup()
    const events: unknown[] = []
    rpc.on((event, payload) => events.push({ event, payload }))
    FakeSocket.all[0]!.open()
    const pending = rpc.invoke('notes.get', { id: 'x' })
    FakeSocket.all[0]!.close()
    const result = await pending
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(!result.ok && result.error.message).toMatch(/Lost the connection/)
    expect(rpc.status()).toBe('closed')

    vi.advanceTimersByTime(100)
    expect(FakeSocket.all).toHaveLength(2)
    FakeSocket.all[1]!.open()
    expect(rpc.status()).toBe('open')
    // Views refetch after a reconnect, since events may have been missed meanwhile.
    expect(events).toEqual([{ event: 'index.changed', payload: { kinds: ['notes'], ids: [] } }])
  })

  it('gives up on a call when no connection comes, and ignores malformed frames', async () => {
    const rpc = setup()
    const result = rpc.invoke('notes.list', {})
    vi.advanceTimersByTime(1000)
    await expect(result).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/Cannot reach Staffroom/) } })
    const socket = FakeSocket.all[0]!
    socket.open()
    expect(() => socket.onmessage?.({ data: 'not json' })).not.toThrow()
    rpc.close()
  })
})
