import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { TermReportButton } from './TermReportButton'

const printed = vi.hoisted(() => ({ pages: [] as string[] }))
// Printing opens the browser's dialog; printHtml has its own test (with the project export menu).
vi.mock('../projects/export/printHtml', () => ({
  printHtml: (html: string) => {
    printed.pages.push(html)
    return document.createElement('iframe')
  },
}))

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new TextDecoder().decode(reader.result as ArrayBuffer))
    reader.readAsArrayBuffer(blob)
  })
}

function captureDownloads() {
  const createObjectURL = vi.fn((_blob: Blob) => 'blob:report')
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  return {
    names: () => click.mock.instances.map((a) => (a as unknown as HTMLAnchorElement).download),
    blob: (i: number) => createObjectURL.mock.calls[i]![0],
  }
}

afterEach(() => {
  vi.restoreAllMocks()
  printed.pages.length = 0
})

const period = { from: '2026-09-01', to: '2026-12-18', today: '2026-12-10' }
const page = '<!doctype html><title>Term report</title><p>Goals</p>'
const reportApi = () =>
  createFakeApi({
    'termReport.html': () => ({ ok: true, value: { fileName: 'Term report 2026-09-01 to 2026-12-18.html', html: page } }),
    'termReport.pdf': () => ({ ok: true, value: { fileName: 'Term report 2026-09-01 to 2026-12-18.pdf', base64: btoa('%PDF-1.7'), bytes: 8 } }),
  })

async function choose(item: string) {
  const user = userEvent.setup()
  await user.click(screen.getByRole('button', { name: 'Term report' }))
  expect(await screen.findByText('Report for 2026-09-01 – 2026-12-18')).toBeTruthy()
  await user.click(await screen.findByRole('menuitem', { name: item }))
}

describe('TermReportButton', () => {
  it('saves the range’s report as a web page, and in the browser prints it', async () => {
    const downloads = captureDownloads()
    const api = reportApi()
    renderWithProviders(<TermReportButton {...period} />, { platform: createFakePlatform(api) })
    await choose('Save as web page (.html)')
    await waitFor(() => expect(downloads.names()).toEqual(['Term report 2026-09-01 to 2026-12-18.html']))
    expect(downloads.blob(0).type).toBe('text/html;charset=utf-8')
    expect(await readBlob(downloads.blob(0))).toBe(page)

    await choose('Print or save as PDF…')
    await waitFor(() => expect(printed.pages).toEqual([page]))
    expect(screen.queryByRole('menuitem', { name: 'Save as PDF (.pdf)' })).toBeNull()
    expect(api.calls).toEqual([
      { method: 'termReport.html', args: period },
      { method: 'termReport.html', args: period },
    ])
  })

  it('saves a PDF made by the desktop app', async () => {
    const downloads = captureDownloads()
    const api = reportApi()
    renderWithProviders(<TermReportButton {...period} />, { platform: { ...createFakePlatform(api), shell: 'electron' } })
    await choose('Save as PDF (.pdf)')
    await waitFor(() => expect(downloads.names()).toEqual(['Term report 2026-09-01 to 2026-12-18.pdf']))
    expect(downloads.blob(0).type).toBe('application/pdf')
    expect(await readBlob(downloads.blob(0))).toBe('%PDF-1.7')
    expect(api.calls).toEqual([{ method: 'termReport.pdf', args: period }])
    expect(printed.pages).toEqual([])
  })

  it('shows the core’s refusal and saves nothing', async () => {
    const downloads = captureDownloads()
    const api = createFakeApi({ 'termReport.html': () => ({ ok: false, error: { code: 'internal', message: 'The dashboard could not be computed.' } }) })
    renderWithProviders(<TermReportButton {...period} />, { platform: createFakePlatform(api) })
    await choose('Save as web page (.html)')
    expect(await screen.findByText('The dashboard could not be computed.')).toBeTruthy()
    await choose('Print or save as PDF…')
    await waitFor(() => expect(api.calls).toHaveLength(2))
    expect(downloads.names()).toEqual([])
    expect(printed.pages).toEqual([])
    expect(screen.getByRole('button', { name: 'Term report' })).toHaveProperty('disabled', false)
  })
})
