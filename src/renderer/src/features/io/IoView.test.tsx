import type { ImportPreview } from '@shared/api/io'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { IoView } from './IoView'

function preview(partial: Partial<ImportPreview> = {}): ImportPreview {
  return {
    importId: 'imp-1',
    format: 'vcard',
    counts: { contact: 3 },
    skipped: {},
    sample: [
      { line: 1, kind: 'contact', title: 'Ada Lovelace', detail: 'ada@example.org' },
      { line: 6, kind: 'contact', title: 'Alan Turing', detail: 'Bletchley Park' },
    ],
    warnings: [],
    errors: [],
    warningCount: 0,
    errorCount: 0,
    canCommit: true,
    ...partial,
  }
}

function pick(name: string, text: string, size?: number) {
  const input = screen.getByTestId('import-file-input')
  const file = new File([text], name, { type: 'text/plain' })
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size })
  fireEvent.change(input, { target: { files: [file] } })
}

afterEach(() => vi.restoreAllMocks())

describe('IoView', () => {
  it('previews a vCard file: counts and the first records', async () => {
    const api = createFakeApi({ 'io.previewImport': () => ({ ok: true, value: preview() }) })
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    pick('friends.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n')
    expect(await screen.findByText('Will add 3 contacts.')).toBeTruthy()
    expect(screen.getByRole('cell', { name: 'Alan Turing' })).toBeTruthy()
    expect(api.calls[0]).toEqual({ method: 'io.previewImport', args: { format: 'vcard', text: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n' } })
    expect((screen.getByLabelText('Format') as HTMLSelectElement).value).toBe('vcard')
    expect((screen.getByRole('button', { name: 'Import 3 contacts' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('shows errors with their line and keeps Import disabled', async () => {
    const api = createFakeApi({
      'io.previewImport': () => ({
        ok: true,
        value: preview({ errors: [{ line: 14, message: 'Line 14: the card has no name (FN or N).' }], errorCount: 1, canCommit: false }),
      }),
    })
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    pick('broken.vcf', 'BEGIN:VCARD')
    expect(await screen.findByText('Line 14: the card has no name (FN or N).')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Import 3 contacts' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('guesses CSV from the extension and remaps a column through io.remapImport', async () => {
    const csv = { headers: ['Name', 'Mail'], mapping: ['name' as const, 'ignore' as const], rows: [['Ada', 'ada@example.org']] }
    const api = createFakeApi({
      'io.previewImport': () => ({ ok: true, value: preview({ format: 'csv', csv, counts: { contact: 1 } }) }),
      'io.remapImport': (args) => ({ ok: true, value: preview({ format: 'csv', csv: { ...csv, mapping: (args as { mapping: typeof csv.mapping }).mapping }, counts: { contact: 1 } }) }),
    })
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    pick('people.csv', 'Name,Mail\nAda,ada@example.org\n')
    const mail = (await screen.findByLabelText('Mail')) as HTMLSelectElement
    expect(api.calls[0]!.args).toMatchObject({ format: 'csv' })
    fireEvent.change(mail, { target: { value: 'email' } })
    await waitFor(() => expect(api.calls.find((call) => call.method === 'io.remapImport')?.args).toEqual({ importId: 'imp-1', mapping: ['name', 'email'] }))
    await waitFor(() => expect((screen.getByLabelText('Mail') as HTMLSelectElement).value).toBe('email'))
  })

  it('commits with the importId, shows progress events and a toast with the counts', async () => {
    let finish: (value: { ok: true; value: { created: { contact: number }; skipped: object } }) => void = () => undefined
    const api = createFakeApi({
      'io.previewImport': () => ({ ok: true, value: preview() }),
      'io.commitImport': () => new Promise((resolve) => (finish = resolve)),
    })
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    pick('friends.vcf', 'BEGIN:VCARD')
    fireEvent.click(await screen.findByRole('button', { name: 'Import 3 contacts' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'io.commitImport')?.args).toEqual({ importId: 'imp-1', mapping: undefined }))
    api.emit('progress', { task: 'import', done: 1, total: 4 })
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('25'))
    finish({ ok: true, value: { created: { contact: 3 }, skipped: {} } })
    expect(await screen.findByText('Imported 3 contacts.')).toBeTruthy()
    expect(screen.queryByTestId('import-preview')).toBeNull()
  })

  it('cancels a preview through io.cancelImport', async () => {
    const api = createFakeApi({
      'io.previewImport': () => ({ ok: true, value: preview() }),
      'io.cancelImport': () => ({ ok: true, value: { cancelled: true } }),
    })
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    pick('friends.vcf', 'BEGIN:VCARD')
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'io.cancelImport')?.args).toEqual({ importId: 'imp-1' }))
    expect(screen.queryByTestId('import-preview')).toBeNull()
  })

  it('refuses a file over the import limit before reading or sending it', async () => {
    const api = createFakeApi({})
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    pick('huge.vcf', 'BEGIN:VCARD', 60_000_000)
    expect(await screen.findByText(/This file is 60\.0 MB; Staffroom imports files up to 52\.4 MB\. Split it into smaller files/)).toBeTruthy()
    expect(api.calls).toEqual([])
  })

  it('downloads each export through the browser', async () => {
    const createObjectURL = vi.fn(() => 'blob:export')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const api = createFakeApi({ 'io.export': () => ({ ok: true, value: { fileName: 'staffroom-backup.json', mimeType: 'application/json', text: '{}' } }) })
    renderWithProviders(<IoView />, { platform: createFakePlatform(api) })

    for (const name of ['Contacts (vCard 4)', 'Contacts (vCard 3)', 'Contacts (CSV)', 'Interactions (CSV)', 'Events and follow-ups (.ics)', 'Journal (Markdown)', 'Notes (Markdown)']) {
      expect(screen.getByRole('button', { name })).toBeTruthy()
    }
    fireEvent.click(screen.getByRole('button', { name: 'Full backup (JSON)' }))
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
    expect(api.calls).toEqual([{ method: 'io.export', args: { format: 'backup.json' } }])
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement
    expect(link.download).toBe('staffroom-backup.json')
    expect(createObjectURL).toHaveBeenCalledTimes(1)
  })
})
