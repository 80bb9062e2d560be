import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@shared/errors'
import { limits } from '@shared/limits'
import type { ApiHandlers } from '@shared/api'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { diskFullMessage } from '../storage/diskFull'
import { createDispatch } from './dispatch'

describe('dispatch against a real core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core
  beforeAll(async () => {
    temp = makeTempDir()
    core = await createCore({ dataDir: join(temp.dir, 'profile') })
  })
  afterAll(async () => {
    await core.shutdown()
    temp.remove()
  })

  it('answers an unknown method with unknown-method', async () => {
    expect(await core.dispatch('notes.explode', {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'Unknown method: notes.explode' },
    })
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })

  it('answers bad arguments with a readable bad-request', async () => {
    expect(await core.dispatch('notes.setPinned', { id: 'x', pinned: 'yes' })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'pinned: Expected boolean' },
    })
    expect(await core.dispatch('notes.get', null)).toEqual({ ok: false, error: { code: 'bad-request', message: 'id: Expected string' } })
    expect(await core.dispatch('notes.list', 'not an object')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('refuses a 10,000-character title clearly and creates nothing', async () => {
    const before = (await call(core, 'notes.list', {})).total
    expect(await core.dispatch('notes.create', { title: 'x'.repeat(10_000) })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: `title: Too long (max ${limits.noteTitleChars})` },
    })
    expect((await call(core, 'notes.list', {})).total).toBe(before)
  })

  it('stores script tags as plain text and gives them back unchanged', async () => {
    const title = '<script>alert("hi")</script><img src=x onerror=alert(1)>'
    const note = await call(core, 'notes.create', { title })
    expect(note.title).toBe(title)
    expect((await call(core, 'notes.get', { id: note.id })).title).toBe(title)
    const hit = (await call(core, 'notes.search', { text: 'alert' })).hits.find((h) => h.id === note.id)
    expect(hit!.title.map((p) => p.text).join('')).toBe(title)
  })

  it('answers a missing note with not-found', async () => {
    expect(await core.dispatch('notes.setPinned', { id: 'no-such-note', pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('createDispatch', () => {
  const handlers = (impl: () => unknown) =>
    new Proxy({}, { get: () => impl }) as unknown as ApiHandlers

  it('passes an ApiError through with its code and message', async () => {
    const dispatch = createDispatch(handlers(() => { throw new ApiError('too-large', 'That paste is too large.') }))
    expect(await dispatch('notes.tags', {})).toEqual({ ok: false, error: { code: 'too-large', message: 'That paste is too large.' } })
  })

  it('hides unexpected errors behind a generic internal message and logs the real one', async () => {
    const log = vi.fn()
    const dispatch = createDispatch(handlers(async () => { throw new Error('SQLITE_CORRUPT secret path /home/x') }), log)
    const result = await dispatch('notes.tags', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('SQLITE')
    expect(log).toHaveBeenCalledWith('staffroom: notes.tags failed', expect.any(Error))
  })

  it('answers a full disk with disk-full and a message that says what to do, not the raw SQLite error', async () => {
    const log = vi.fn()
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    const dispatch = createDispatch(handlers(() => { throw full }), log)
    const result = await dispatch('notes.tags', {})
    expect(result).toEqual({ ok: false, error: { code: 'disk-full', message: diskFullMessage } })
    expect(diskFullMessage).toMatch(/disk is full.*Free some space/)
    expect(JSON.stringify(result)).not.toContain('SQLITE')
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    expect(await createDispatch(handlers(async () => { throw enospc }), log)('notes.tags', {})).toMatchObject({ ok: false, error: { code: 'disk-full' } })
    expect(log).not.toHaveBeenCalled()
  })

  it('applies defaults before the handler sees the arguments', async () => {
    let seen: unknown
    const dispatch = createDispatch(handlers((args?: unknown) => (seen = args)))
    await dispatch('notes.list', undefined)
    expect(seen).toEqual({ filter: 'active', limit: 200, offset: 0 })
  })
})
