import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { readFileText } from '../io/importFile'
import { OpmlActions } from './OpmlActions'

const { createObjectURL, revokeObjectURL } = URL
afterEach(() => {
  vi.restoreAllMocks()
  Object.assign(URL, { createObjectURL, revokeObjectURL })
})

const opml = '<?xml version="1.0"?><opml version="2.0"><body><outline text="A" xmlUrl="https://a.example.org/feed"/></body></opml>'

function setup(handlers: Parameters<typeof createFakeApi>[0]) {
  const api = createFakeApi(handlers)
  const onImported = vi.fn()
  renderWithProviders(<OpmlActions onImported={onImported} />, { platform: createFakePlatform(api) })
  return { api, onImported }
}

function choose(name: string, text: string) {
  fireEvent.change(screen.getByTestId('opml-file-input'), { target: { files: [new File([text], name, { type: 'text/x-opml' })] } })
}

describe('OpmlActions', { timeout: 15_000 }, () => {
  it('imports a file as base64 and says what was added, already followed and skipped, with reasons', async () => {
    const { api, onImported } = setup({
      'feeds.importOpml': () => ({ ok: true, value: { added: 3, alreadyFollowed: 1, skipped: [{ title: 'Podcast page', reason: 'It has no feed address.' }] } }),
    })
    choose('reader.opml', opml)
    const result = await screen.findByTestId('opml-import-result')
    expect(result.textContent).toContain('Added 3 feeds. 1 feed already followed. 1 skipped:')
    expect(result.textContent).toContain('Podcast page: It has no feed address.')
    const args = api.calls.find((call) => call.method === 'feeds.importOpml')?.args as { fileName: string; base64: string }
    expect(args.fileName).toBe('reader.opml')
    expect(atob(args.base64)).toBe(opml)
    expect(onImported).toHaveBeenCalled()
  })

  it('shows the core’s reason when a file is refused, and that nothing was added', async () => {
    const { onImported } = setup({ 'feeds.importOpml': () => ({ ok: false, error: { code: 'bad-request', message: 'This is not an OPML file: it has no <opml> element.' } }) })
    choose('notes.txt', 'not xml')
    const result = await screen.findByTestId('opml-import-result')
    expect(result.getAttribute('role')).toBe('alert')
    expect(result.textContent).toContain('This is not an OPML file: it has no <opml> element. No feeds were added.')
    expect(onImported).not.toHaveBeenCalled()
  })

  it('exports the core’s OPML text as a download under the core’s file name', async () => {
    const created = vi.fn((_blob: Blob) => 'blob:opml')
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() })
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    setup({ 'feeds.exportOpml': () => ({ ok: true, value: { fileName: 'staffroom-feeds.opml', text: opml } }) })
    await userEvent.click(screen.getByRole('button', { name: 'Export OPML' }))
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0]!.download).toBe('staffroom-feeds.opml')
    const blob = created.mock.calls[0]![0]
    expect(await readFileText(blob)).toBe(opml)
  })
})
