import { fireEvent, screen, waitFor } from '@testing-library/react'
import { projectExportLimits } from '@shared/api/projectExport'
import { describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../../test/fakePlatform'
import { renderWithProviders } from '../../../test/render'
import { ImportMarkdownButton } from './ImportMarkdownButton'

const view = { id: 'p9', url: 'automerge:p9', title: 'Poems', subject: '', grade: '', template: 'blank', myRole: 'owner', myDeviceId: 'd', members: [], tasks: [], resources: [], createdAt: 1, archivedAt: null, readOnlyReason: null } as const

function pick(file: File) {
  fireEvent.change(screen.getByTestId('markdown-file-input'), { target: { files: [file] } })
}

describe('ImportMarkdownButton', () => {
  it('sends the picked file’s name and text and reports the new project', async () => {
    const onImported = vi.fn()
    const api = createFakeApi({ 'projects.importMarkdown': () => ({ ok: true, value: { project: { ...view, members: [], tasks: [], resources: [] } } }) })
    renderWithProviders(<ImportMarkdownButton onImported={onImported} />, { platform: createFakePlatform(api) })
    expect(screen.getByTestId('markdown-file-input').getAttribute('accept')).toBe('.md,.markdown,.txt,text/markdown,text/plain')
    pick(new File(['# Poems\n\n- [ ] Find three'], 'poems.md', { type: 'text/markdown' }))
    await waitFor(() => expect(onImported).toHaveBeenCalledWith('p9'))
    expect(api.calls).toEqual([{ method: 'projects.importMarkdown', args: { fileName: 'poems.md', text: '# Poems\n\n- [ ] Find three' } }])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('refuses a file over 5 MB without sending it, and shows the core’s refusal inline', async () => {
    const onImported = vi.fn()
    const api = createFakeApi({ 'projects.importMarkdown': () => ({ ok: false, error: { code: 'bad-request', message: 'This file is not a Markdown text file (it holds binary data). Nothing was created.' } }) })
    renderWithProviders(<ImportMarkdownButton onImported={onImported} />, { platform: createFakePlatform(api) })
    const big = new File(['x'], 'huge.md')
    Object.defineProperty(big, 'size', { value: projectExportLimits.importBytes + 1 })
    pick(big)
    expect((await screen.findByRole('alert')).textContent).toMatch('“huge.md” is 5.0 MB; Markdown files up to 5.0 MB can be imported. No project was created.')
    expect(api.calls).toEqual([])

    pick(new File(['PNG\u0000'], 'photo.md'))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch('not a Markdown text file'))
    expect(api.calls).toHaveLength(1)
    expect(onImported).not.toHaveBeenCalled()
  })
})
