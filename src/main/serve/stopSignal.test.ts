import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { waitForStopSignal } from './stopSignal'

describe('waitForStopSignal', () => {
  it('resolves with the first stop signal and leaves no listener behind', async () => {
    const source = new EventEmitter()
    const stop = waitForStopSignal(source)
    expect(source.listenerCount('SIGINT')).toBe(1)
    expect(source.listenerCount('SIGTERM')).toBe(1)
    source.emit('SIGTERM')
    expect(await stop).toBe('SIGTERM')
    expect(source.listenerCount('SIGINT')).toBe(0)
    expect(source.listenerCount('SIGTERM')).toBe(0)
  })
})
