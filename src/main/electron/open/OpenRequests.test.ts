import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenTarget } from '@shared/api/events'
import type { RpcResult } from '@shared/errors'
import { FakeElectron } from '../testing/FakeElectron'
import { FakeWebContents } from '../testing/FakeWebContents'
import { OpenRequests } from './OpenRequests'

const link = 'staffroom://invite/SR1.eyJ2IjoxfQ'
const imported = { documentId: 'doc1', url: 'automerge:doc1', kind: 'note', title: 'Term plan', outcome: 'added', exportedAt: 1, exportedBy: 'DEV' }

let dir: string
let electron: FakeElectron
let shown: OpenTarget[]
let logged: string[]
let dispatched: Array<{ method: string; args: unknown }>
let answer: RpcResult<unknown>

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'staffroom-open-'))
  electron = new FakeElectron()
  shown = []
  logged = []
  dispatched = []
  answer = { ok: true, value: imported }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function opener(maxBytes?: number) {
  const requests = new OpenRequests({
    app: electron.app,
    dialog: electron.dialog,
    fileExists: () => true,
    dispatch: async (method, args) => {
      dispatched.push({ method, args })
      return answer
    },
    show: (target) => shown.push(target),
    log: (message) => logged.push(message),
    ...(maxBytes === undefined ? {} : { maxBytes }),
  })
  const contents = new FakeWebContents()
  requests.attach(contents)
  // The page loads, connects, and makes its first request.
  const pageUp = (page = contents) => {
    page.emit('did-finish-load')
    requests.pageIsListening()
  }
  return { requests, contents, pageUp }
}

function bundle(name: string, bytes: Buffer | string = 'BUNDLE BYTES'): string {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}

describe('opening links and bundle files', () => {
  it('waits until the loaded page has made a request, then handles each in order', async () => {
    const { requests, contents } = opener()
    const file = bundle('Term plan.staffroom')
    requests.add({ kind: 'link', url: link })
    requests.add({ kind: 'file', path: file })
    requests.pageIsListening()
    await requests.idle()
    expect(shown).toEqual([])
    // Loaded, but the app has not connected yet: its listener for 'shell.open' may not be there.
    contents.emit('did-finish-load')
    await requests.idle()
    expect(shown).toEqual([])
    requests.pageIsListening()
    await requests.idle()
    expect(shown).toEqual([
      { section: 'accept-invite', code: 'SR1.eyJ2IjoxfQ' },
      { section: 'bundle-opened', fileName: 'Term plan.staffroom', result: imported },
    ])
  })

  it('opens an invite on the Accept invite screen only: nothing is sent to the core', async () => {
    const { requests, pageUp } = opener()
    pageUp()
    requests.add({ kind: 'link', url: link })
    await requests.idle()
    expect(shown).toEqual([{ section: 'accept-invite', code: 'SR1.eyJ2IjoxfQ' }])
    expect(dispatched).toEqual([])
  })

  it('imports a bundle file through the core with its exact bytes', async () => {
    const { requests, pageUp } = opener()
    pageUp()
    const bytes = Buffer.from([0x89, 0x53, 0x52, 0x42, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 255])
    requests.add({ kind: 'file', path: bundle('Circle.staffroom', bytes) })
    await requests.idle()
    expect(dispatched).toEqual([{ method: 'bundles.import', args: { base64: bytes.toString('base64') } }])
    expect(shown).toEqual([{ section: 'bundle-opened', fileName: 'Circle.staffroom', result: imported }])
  })

  it('passes on the core’s refusal, naming the file', async () => {
    const { requests, pageUp } = opener()
    pageUp()
    answer = { ok: false, error: { code: 'bad-request', message: 'This file was made by a newer Staffroom.' } }
    requests.add({ kind: 'file', path: bundle('New.staffroom') })
    await requests.idle()
    expect(shown).toEqual([{ section: 'bundle-refused', fileName: 'New.staffroom', message: 'This file was made by a newer Staffroom.' }])
  })

  it('refuses too big, missing and foreign files without asking the core', async () => {
    const { requests, pageUp } = opener(8)
    pageUp()
    requests.add({ kind: 'file', path: bundle('Big.staffroom', 'nine byte') })
    requests.add({ kind: 'file', path: path.join(dir, 'Gone.staffroom') })
    requests.add({ kind: 'file', path: bundle('photo.jpg') })
    await requests.idle()
    expect(dispatched).toEqual([])
    expect(shown.map((target) => target.section === 'bundle-refused' && [target.fileName, target.message])).toEqual([
      ['Big.staffroom', '“Big.staffroom” is larger than 8 bytes, the largest bundle Staffroom opens.'],
      ['Gone.staffroom', 'Staffroom cannot find “Gone.staffroom”: it may have been moved or deleted.'],
      ['photo.jpg', '“photo.jpg” is not a Staffroom bundle: bundles are files whose names end in .staffroom.'],
    ])
  })

  it('ignores and logs hostile or foreign links, and keeps going', async () => {
    const { requests, pageUp } = opener()
    pageUp()
    for (const url of ['javascript:alert(1)', 'staffroom://settings/reset', `staffroom://invite/SR1.${'a'.repeat(5000)}`, 'staffroom://invite/"><img>']) requests.add({ kind: 'link', url })
    requests.add({ kind: 'link', url: link })
    await requests.idle()
    expect(shown).toEqual([{ section: 'accept-invite', code: 'SR1.eyJ2IjoxfQ' }])
    expect(logged).toHaveLength(4)
    expect(logged.every((line) => line.startsWith('ignored the link ') && line.length < 300)).toBe(true)
  })

  it('waits again after the page is gone', async () => {
    const { requests, contents, pageUp } = opener()
    pageUp()
    contents.emit('destroyed')
    requests.add({ kind: 'link', url: link })
    requests.pageIsListening()
    await requests.idle()
    expect(shown).toEqual([])
    const next = new FakeWebContents()
    requests.attach(next)
    pageUp(next)
    await requests.idle()
    expect(shown).toHaveLength(1)
  })
})

describe('where requests come from', () => {
  it('takes macOS open-url and open-file events, preventing the default', async () => {
    const { requests, pageUp } = opener()
    requests.listen()
    const file = bundle('Mac.staffroom')
    expect(electron.emitOpen('open-url', link)).toBe(true)
    expect(electron.emitOpen('open-file', file)).toBe(true)
    pageUp()
    await requests.idle()
    expect(shown.map((target) => target.section)).toEqual(['accept-invite', 'bundle-opened'])
  })

  it('opens the file picked in the Open dialog, filtered to bundles, and nothing if cancelled', async () => {
    const { requests, pageUp } = opener()
    pageUp()
    await requests.chooseBundle()
    await requests.idle()
    expect(shown).toEqual([])
    expect(electron.openDialogs[0]).toMatchObject({ properties: ['openFile'], filters: [{ name: 'Staffroom bundles', extensions: ['staffroom'] }] })
    electron.nextOpenDialog = { canceled: false, filePaths: [bundle('Picked.staffroom')] }
    await requests.chooseBundle()
    await requests.idle()
    expect(shown).toEqual([{ section: 'bundle-opened', fileName: 'Picked.staffroom', result: imported }])
  })

  it('registers as the staffroom:// handler: the app when packaged, this checkout in development', () => {
    opener().requests.registerProtocolClient()
    expect(electron.protocolClients).toEqual([['staffroom', '/repo/node_modules/electron/dist/electron', [path.resolve('/repo')]]])
    electron = new FakeElectron()
    ;(electron.app as { isPackaged: boolean }).isPackaged = true
    electron.protocolClientRegistrable = false
    opener().requests.registerProtocolClient()
    expect(electron.protocolClients).toEqual([['staffroom']])
    expect(logged).toEqual(['could not register as the handler of staffroom:// links'])
  })
})
