import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../../test/fakePlatform'
import { renderWithProviders } from '../../../test/render'
import { printHtml } from './printHtml'
import { ProjectExportMenu } from './ProjectExportMenu'

const printed = vi.hoisted(() => ({ pages: [] as string[], real: true }))
vi.mock('./printHtml', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./printHtml')>()
  return {
    // The menu's print goes to a record; printHtml's own test uses the real one.
    printHtml: (html: string, doc?: Document) => {
      if (printed.real) return actual.printHtml(html, doc)
      printed.pages.push(html)
      return document.createElement('iframe')
    },
  }
})

function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.readAsArrayBuffer(blob)
  })
}

afterEach(() => {
  vi.restoreAllMocks()
  document.getElementById('staffroom-print-frame')?.remove()
})

const page = '<!doctype html><title>Poems</title><p>Hello</p>'

function captureDownloads() {
  const createObjectURL = vi.fn((_blob: Blob) => 'blob:export')
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  return {
    names: () => click.mock.instances.map((a) => (a as unknown as HTMLAnchorElement).download),
    blob: (i: number) => createObjectURL.mock.calls[i]![0],
  }
}

const exportApi = () =>
  createFakeApi({
    'projects.exportMarkdown': () => ({ ok: true, value: { fileName: 'Poems.md', text: '# Poems\n' } }),
    'projects.exportHtml': () => ({ ok: true, value: { fileName: 'Poems.html', text: page } }),
    'projects.exportPdf': () => ({ ok: true, value: { fileName: 'Poems.pdf', base64: btoa('%PDF-1.7'), bytes: 8 } }),
  })

describe('ProjectExportMenu', () => {
  it('saves Markdown and HTML files, and in the browser prints the exported page', async () => {
    const user = userEvent.setup()
    const downloads = captureDownloads()
    const api = exportApi()
    renderWithProviders(<ProjectExportMenu projectId="p1" />, { platform: createFakePlatform(api) })
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Markdown file (.md)' }))
    await waitFor(() => expect(downloads.names()).toEqual(['Poems.md']))
    expect(new TextDecoder().decode(await readBlob(downloads.blob(0)))).toBe('# Poems\n')
    expect(downloads.blob(0).type).toBe('text/markdown;charset=utf-8')

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Web page (.html)' }))
    await waitFor(() => expect(downloads.names()).toEqual(['Poems.md', 'Poems.html']))
    expect(downloads.blob(1).type).toBe('text/html;charset=utf-8')

    await user.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.queryByRole('menuitem', { name: 'PDF (.pdf)' })).toBeNull()
    printed.real = false
    await user.click(await screen.findByRole('menuitem', { name: 'Print or save as PDF…' }))
    await waitFor(() => expect(printed.pages).toEqual([page]))
    printed.real = true
    expect(api.calls.map((c) => c.method)).toEqual(['projects.exportMarkdown', 'projects.exportHtml', 'projects.exportHtml'])
    expect(api.calls.every((c) => (c.args as { projectId: string }).projectId === 'p1')).toBe(true)
  })

  it('saves a PDF made by the desktop app', async () => {
    const user = userEvent.setup()
    const downloads = captureDownloads()
    const api = exportApi()
    renderWithProviders(<ProjectExportMenu projectId="p1" />, { platform: { ...createFakePlatform(api), shell: 'electron' } })
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'PDF (.pdf)' }))
    await waitFor(() => expect(downloads.names()).toEqual(['Poems.pdf']))
    expect(downloads.blob(0).type).toBe('application/pdf')
    expect(new TextDecoder().decode(await readBlob(downloads.blob(0)))).toBe('%PDF-1.7')
    expect(api.calls.map((c) => c.method)).toEqual(['projects.exportPdf'])
  })
})

describe('printHtml', () => {
  it('puts the page in a frame that cannot run script, prints once it has loaded, replaces an earlier frame, and removes itself after printing', async () => {
    const first = printHtml(page)
    const frame = printHtml(page)
    expect(first.isConnected).toBe(false)
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals')
    expect(frame.srcdoc).toBe(page)
    const print = vi.spyOn(frame.contentWindow!, 'print').mockImplementation(() => undefined)
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1))
    frame.contentWindow!.dispatchEvent(new Event('afterprint'))
    expect(frame.isConnected).toBe(false)
  })
})
