import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { BundlePanel } from './BundlePanel'

afterEach(() => vi.restoreAllMocks())

const note = { id: 'n1', url: 'automerge:n1', title: 'Fractions unit', excerpt: '', tags: [], pinned: false, trashed: false, createdAt: 1, updatedAt: 2 }

describe('BundlePanel', () => {
  it('saves a picked note as a .staffroom file through the browser', async () => {
    const user = userEvent.setup()
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:bundle')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const api = createFakeApi({
      'notes.list': () => ({ ok: true, value: { notes: [note], total: 1 } }),
      'bundles.export': () => ({ ok: true, value: { fileName: 'Fractions unit.staffroom', mimeType: 'application/vnd.staffroom.bundle', base64: btoa('SRB\u0001bytes'), bytes: 9 } }),
    })
    renderWithProviders(<BundlePanel />, { platform: createFakePlatform(api) })
    expect(api.calls).toEqual([])
    await user.click(screen.getByRole('combobox', { name: 'Note to put in a bundle' }))
    await user.click(await screen.findByRole('option', { name: 'Fractions unit' }))
    await user.click(screen.getByRole('button', { name: 'Save bundle' }))
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
    expect(api.calls.map((c) => c.method)).toEqual(['notes.list', 'bundles.export'])
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('Fractions unit.staffroom')
    const blob = createObjectURL.mock.calls[0]![0]
    const read = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as ArrayBuffer)
      reader.readAsArrayBuffer(blob)
    })
    expect(new Uint8Array(read)).toEqual(new Uint8Array([...'SRB\u0001bytes'].map((c) => c.charCodeAt(0))))
  })

  it('imports a bundle file, says whether it merged, and shows a refusal without changing anything', async () => {
    let answer: 'ok' | 'refuse' = 'ok'
    const api = createFakeApi({
      'bundles.import': () =>
        answer === 'ok'
          ? { ok: true, value: { documentId: 'n1', url: 'automerge:n1', kind: 'note', title: 'Fractions unit', outcome: 'merged', exportedAt: 1, exportedBy: 'X' } }
          : { ok: false, error: { code: 'bad-request', message: 'This file is damaged (its checksum does not match).' } },
    })
    renderWithProviders(<BundlePanel />, { platform: createFakePlatform(api) })
    const bytes = new Uint8Array([0x53, 0x52, 0x42, 0x00, 0xff, 0x10])
    fireEvent.change(screen.getByTestId('bundle-file-input'), { target: { files: [new File([bytes], 'unit.staffroom')] } })
    expect(await screen.findByText('Merged into your copy')).toBeTruthy()
    expect(api.calls[0]).toEqual({ method: 'bundles.import', args: { base64: btoa(String.fromCharCode(...bytes)) } })
    expect(screen.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe('#/all?note=n1')

    answer = 'refuse'
    fireEvent.change(screen.getByTestId('bundle-file-input'), { target: { files: [new File([bytes], 'broken.staffroom')] } })
    const refusal = (await screen.findByText('This file was not imported')).closest('[role="alert"]')
    expect(refusal?.textContent).toMatch('This file is damaged (its checksum does not match). Nothing was changed.')
    expect(screen.queryByText('Merged into your copy')).toBeNull()
  })

  it('links an added project to its own page, not to a note', async () => {
    const api = createFakeApi({
      'bundles.import': () => ({ ok: true, value: { documentId: 'p1', url: 'automerge:p1', kind: 'project', title: 'Rivers', outcome: 'added', exportedAt: 1, exportedBy: 'X' } }),
    })
    renderWithProviders(<BundlePanel />, { platform: createFakePlatform(api) })
    fireEvent.change(screen.getByTestId('bundle-file-input'), { target: { files: [new File([new Uint8Array([1])], 'rivers.staffroom')] } })
    expect(await screen.findByText('Added to your shared spaces')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toMatch('“Rivers” from the bundle is now among your shared spaces.')
    expect(screen.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe('#/projects/p1')
  })
})
