import { Repo } from '@automerge/automerge-repo'
import type { ProjectFieldConflict } from '@shared/api/projectHistory'
import type { ProjectView } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../../test/fakePlatform'
import { renderWithProviders } from '../../../test/render'
import { ConflictNotice } from './ConflictNotice'

const subject: ProjectFieldConflict = {
  path: ['subject'],
  label: 'Subject',
  values: [
    { value: 'Numeracy', display: 'Numeracy', author: 'Alice' },
    { value: 'Mathematics', display: 'Mathematics', author: 'Bob' },
  ],
}

describe('ConflictNotice', () => {
  it('shows nothing while no field is in conflict', async () => {
    const api = createFakeApi({ 'projects.conflicts': () => ({ ok: true, value: { conflicts: [] } }) })
    renderWithProviders(<ConflictNotice projectId="p1" />, { platform: createFakePlatform(api) })
    await waitFor(() => expect(api.calls.map((c) => c.method)).toContain('projects.conflicts'))
    expect(screen.queryByRole('region', { name: 'Conflicting changes' })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Keep/ })).toBeNull()
  })

  it('shows both values with who set each, and keeps the one chosen', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'projects.conflicts': () => ({ ok: true, value: { conflicts: [subject] } }),
      'projects.resolveConflict': () => ({ ok: true, value: { conflicts: [] } }),
    })
    renderWithProviders(<ConflictNotice projectId="p1" />, { platform: createFakePlatform(api) })
    const notice = await screen.findByRole('region', { name: 'Conflicting changes' })
    expect(notice.textContent).toContain('Subject')
    const keepBob = screen.getByRole('button', { name: 'Keep Mathematics (set by Bob) for Subject' })
    expect(screen.getByRole('button', { name: 'Keep Numeracy (set by Alice) for Subject' })).toBeTruthy()
    keepBob.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Conflicting changes' })).toBeNull())
    expect(api.calls.at(-1)).toEqual({ method: 'projects.resolveConflict', args: { projectId: 'p1', path: ['subject'], value: 'Mathematics' } })
  })

  it('shows a viewer both values without buttons to choose', async () => {
    const api = createFakeApi({ 'projects.conflicts': () => ({ ok: true, value: { conflicts: [subject] } }) })
    renderWithProviders(<ConflictNotice projectId="p1" readOnly />, { platform: createFakePlatform(api) })
    const notice = await screen.findByRole('region', { name: 'Conflicting changes' })
    expect(notice.textContent).toContain('“Mathematics”, set by Bob')
    expect(notice.textContent).toContain('an editor can choose')
    expect(screen.queryByRole('button', { name: /^Keep/ })).toBeNull()
  })

  it('asks again when the project document changes (a colleague’s edit arriving)', async () => {
    const repo = new Repo({ network: [] })
    const handle = repo.create<ProjectDoc>({ kind: 'project', title: 'Fractions', body: '', subject: 'Maths' } as ProjectDoc)
    let conflicts: ProjectFieldConflict[] = []
    const api = createFakeApi({
      'projects.get': () => ({ ok: true, value: { project: { id: 'p1', url: handle.url } as unknown as ProjectView } }),
      'projects.conflicts': () => ({ ok: true, value: { conflicts } }),
    })
    renderWithProviders(<ConflictNotice projectId="p1" />, { platform: createFakePlatform(api, repo) })
    await waitFor(() => expect(api.calls.map((c) => c.method)).toContain('projects.conflicts'))
    conflicts = [subject]
    // The hook finds the handle asynchronously; change until the listener has picked it up.
    await waitFor(
      () => {
        handle.change((d) => {
          d.subject = d.subject === 'Maths' ? 'Numeracy' : 'Maths'
        })
        expect(screen.getByRole('region', { name: 'Conflicting changes' })).toBeTruthy()
      },
      { timeout: 4_000, interval: 600 },
    )
  })
})
