import { describe, expect, it } from 'vitest'
import { parseRpcMessage } from './rpcMessages'

const text = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))

describe('parseRpcMessage', () => {
  it('accepts {id, method, args}', () => {
    expect(parseRpcMessage(text({ id: 1, method: 'notes.get', args: { id: 'a' } }), false)).toEqual({
      kind: 'request',
      request: { id: 1, method: 'notes.get', args: { id: 'a' } },
    })
  })

  it('answers a wrong shape by id when the id is usable', () => {
    expect(parseRpcMessage(text({ id: 2, args: {} }), false)).toMatchObject({ kind: 'reply-error', reply: { id: 2, result: { ok: false, error: { code: 'bad-request' } } } })
    expect(parseRpcMessage(text({ id: 3, method: '', args: {} }), false)).toMatchObject({ kind: 'reply-error' })
  })

  it('cannot answer without a usable id', () => {
    for (const bad of ['nope', '[]', 'null', '42', { id: -1, method: 'x' }, { id: 1.5, method: 'x' }, { id: '1', method: 'x' }])
      expect(parseRpcMessage(text(bad), false).kind, JSON.stringify(bad)).toBe('anonymous-error')
  })

  it('refuses binary frames', () => {
    expect(parseRpcMessage(text({ id: 1, method: 'x', args: {} }), true)).toMatchObject({ kind: 'anonymous-error' })
  })

  it('marks messages over the byte limit too-large, measured in bytes not characters', () => {
    const message = text({ id: 9, method: 'notes.create', args: { title: 'é'.repeat(60) } })
    expect(message.byteLength).toBeGreaterThan(100)
    expect(parseRpcMessage(message, false, { messageBytes: 100, uploadMessageBytes: 1000 })).toMatchObject({
      kind: 'reply-error',
      reply: { id: 9, result: { error: { code: 'too-large' } } },
    })
  })

  it('lets a file-carrying method use the larger upload limit, and only that method', () => {
    const sizeLimits = { messageBytes: 100, uploadMessageBytes: 1000 }
    const upload = text({ id: 1, method: 'io.previewImport', args: { format: 'vcard', text: 'x'.repeat(500) } })
    expect(parseRpcMessage(upload, false, sizeLimits)).toMatchObject({ kind: 'request', request: { method: 'io.previewImport' } })
    const tooBig = text({ id: 2, method: 'io.previewImport', args: { format: 'vcard', text: 'x'.repeat(1500) } })
    expect(parseRpcMessage(tooBig, false, sizeLimits)).toMatchObject({ kind: 'reply-error', reply: { result: { error: { code: 'too-large' } } } })
    const other = text({ id: 3, method: 'notes.create', args: { title: 'x'.repeat(500) } })
    expect(parseRpcMessage(other, false, sizeLimits)).toMatchObject({ kind: 'reply-error', reply: { result: { error: { code: 'too-large' } } } })
  })
})
